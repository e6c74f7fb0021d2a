import { z } from "zod";
import { regionSchema, taskTypes } from "@/lib/tasks/task-params";
import { isActiveStatus, taskStatuses } from "@/lib/tasks/task-states";

export { isActiveStatus, taskStatuses, taskTypes };

export type TaskStatus = (typeof taskStatuses)[number];
export type TaskType = (typeof taskTypes)[number];

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
});

export type FileView = z.infer<typeof fileSchema>;

export const taskParamsSchema = z
  .object({ region: regionSchema.optional(), width: z.number().optional(), atSecond: z.number().optional() })
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
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
});

export type TaskView = z.infer<typeof taskSchema>;

export const taskPageSchema = z.object({ tasks: z.array(taskSchema), page: z.number(), pageSize: z.number(), total: z.number() });
export const taskResponseSchema = z.object({ task: taskSchema });
export const uploadResponseSchema = z.object({ files: z.array(fileSchema) });
export const logsResponseSchema = z.object({
  logs: z.array(z.object({ at: z.string(), level: z.enum(["info", "warn", "error"]), message: z.string() })),
});

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

