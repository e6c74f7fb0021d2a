import { z } from "zod";
import { regionSchema, taskTypes, timedRegionSchema, watermarkMethods } from "@/lib/tasks/task-params";
import { isActiveStatus, taskStatuses } from "@/lib/tasks/task-states";

export { isActiveStatus, taskStatuses, taskTypes };

export type TaskStatus = (typeof taskStatuses)[number];
export type TaskType = (typeof taskTypes)[number];

/** A static overlay the analysis found, in source pixels (time span null when shown throughout). */
export const watermarkSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  confidence: z.number(),
  fromSecond: z.number().nullable(),
  toSecond: z.number().nullable(),
});
export type Watermark = z.infer<typeof watermarkSchema>;

export const fileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  kind: z.enum(["video", "image"]),
  width: z.number(),
  height: z.number(),
  durationSec: z.number().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  thumbnailUrl: z.string().nullable(),
  watermarks: z.array(watermarkSchema).nullable().catch(null),
});

export type FileView = z.infer<typeof fileSchema>;

export const taskParamsSchema = z
  .object({
    region: regionSchema.optional(),
    regions: z.union([z.array(timedRegionSchema), z.literal("auto")]).optional(),
    method: z.enum(watermarkMethods).optional(),
    width: z.number().optional(),
    atSecond: z.number().optional(),
  })
  .nullable()
  .catch(null);

export const taskSchema = z.object({
  id: z.string(),
  type: z.enum(taskTypes),
  status: z.enum(taskStatuses),
  progress: z.number(),
  message: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  params: taskParamsSchema,
  inputs: z.array(fileSchema),
  outputs: z.array(fileSchema),
  attempts: z.number(),
  pipelineId: z.string().nullable().optional(),
  step: z.number().int().nullable().optional(),
  dependsOn: z.string().nullable().optional(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
  queuePosition: z.number().int().positive().nullable().optional(),
  etaSeconds: z.number().nonnegative().nullable().optional(),
});

export type TaskView = z.infer<typeof taskSchema>;

export const taskPageSchema = z.object({ tasks: z.array(taskSchema), page: z.number(), pageSize: z.number(), total: z.number() });
export const taskResponseSchema = z.object({ task: taskSchema });
export const pipelineResponseSchema = z.object({ pipeline: z.object({ id: z.string(), tasks: z.array(taskSchema) }) });
export const logsResponseSchema = z.object({
  logs: z.array(z.object({ at: z.string(), level: z.enum(["info", "warn", "error"]), message: z.string() })),
});

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});


export const transferSchema = z.object({ code: z.string(), url: z.string(), expiresAt: z.string() });
export type TransferView = z.infer<typeof transferSchema>;
export const redeemResponseSchema = z.object({ me: z.object({ id: z.string() }) });
