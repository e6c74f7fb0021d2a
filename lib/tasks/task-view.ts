import { z } from "zod";
import { fileViewSchema } from "../files/file-view";
import { LogLevel, TaskType } from "../generated/prisma/enums";
import { regionSchema, timedRegionSchema, watermarkMethods } from "./types/watermark-rules";
import { taskStatuses } from "./task-states";

// The task API's shapes, written once: the pages parse answers with these schemas, the server's types
// come from them, and task-view-sql.ts builds exactly this JSON (a test parses it through them).
// Client-safe: zod and the database enums only.

export type { TaskStatus, TaskType } from "../generated/prisma/enums";

/** Every task type, from the database enum. */
export const taskTypes = Object.values(TaskType) as [TaskType, ...TaskType[]];

/** A task's params as the pages read them, whatever its type (each type checks its own when the task runs). */
const taskParamsViewSchema = z
  .object({
    region: regionSchema.optional(),
    regions: z.union([z.array(timedRegionSchema), z.literal("auto")]).optional(),
    method: z.enum(watermarkMethods).optional(),
    methods: z.array(z.enum(watermarkMethods)).optional(),
    width: z.number().optional(),
    atSecond: z.number().optional(),
  })
  .nullable()
  .catch(null);

/** A task as the database holds it (task-view-sql.ts), before its place in line and time left are added. */
export const storedTaskViewSchema = z.object({
  id: z.string(),
  /** 8 characters of the transfer-code alphabet, for people to read out and search by. */
  shortId: z.string(),
  type: z.enum(taskTypes),
  status: z.enum(taskStatuses),
  progress: z.number(),
  message: z.string(),
  /** `message` as a taskMessages code and its values (task-message.ts); localizeTask renders it and drops both. */
  messageCode: z.string().nullable().optional(),
  messageParams: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  params: taskParamsViewSchema,
  inputs: z.array(fileViewSchema),
  outputs: z.array(fileViewSchema),
  attempts: z.number(),
  /** The pipeline this task is a step of, its place there (0-based) and the step it reads; null for a plain task. */
  pipelineId: z.string().nullable(),
  step: z.number().int().nullable(),
  dependsOn: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type StoredTaskView = z.infer<typeof storedTaskViewSchema>;

/** A task as the API shows it. */
export const taskViewSchema = storedTaskViewSchema.extend({
  /** Pending tasks: 1 = the next task to be admitted system-wide (fair-share order); null otherwise. */
  queuePosition: z.number().int().positive().nullable(),
  /** Running tasks: seconds left, estimated from the progress rate; null when unknown. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskLogViewSchema = z.object({ at: z.string(), level: z.enum(Object.values(LogLevel) as [LogLevel, ...LogLevel[]]), message: z.string() });
export type TaskLogView = z.infer<typeof taskLogViewSchema>;

/** A pipeline: its steps, in order. */
export const pipelineViewSchema = z.object({ id: z.string(), tasks: z.array(taskViewSchema) });
export type PipelineView = z.infer<typeof pipelineViewSchema>;

/** One page of the visitor's tasks, newest first, and how many there are in all. */
export const taskPageSchema = z.object({ tasks: z.array(taskViewSchema), page: z.number(), pageSize: z.number(), total: z.number() });
export type TaskPage = z.infer<typeof taskPageSchema>;

/** A task as operators read it (GET /api/admin/tasks): a TaskView with its visitor and its priority (-10..10, higher first). */
export const operatorTaskViewSchema = taskViewSchema.extend({ visitorId: z.string(), priority: z.number().int() });
export type OperatorTaskView = z.infer<typeof operatorTaskViewSchema>;

/** One page of tasks across visitors, newest first, and how many match. */
export const operatorTaskPageSchema = taskPageSchema.extend({ tasks: z.array(operatorTaskViewSchema) });
export type OperatorTaskPage = z.infer<typeof operatorTaskPageSchema>;

/** The answers of the task routes that return one task, one pipeline or a task's logs. */
export const taskAnswerSchema = z.object({ task: taskViewSchema });
export const pipelineAnswerSchema = z.object({ pipeline: pipelineViewSchema });
export const logsAnswerSchema = z.object({ logs: z.array(taskLogViewSchema) });
