import { z } from "zod";
import { mergeInputCount, requestedTaskParams } from "./task-params";

const fileId = z.string().min(1).max(64);

/** What every task type accepts besides its inputs and params; the address itself is judged by assertNotifyUrl. */
const common = {
  /** Where to POST the completion webhook. */
  notifyUrl: z.string().min(1).max(2048).optional(),
};

/** The body of POST /api/tasks, per task type. */
export const createTaskInput = z.discriminatedUnion("type", [
  z.object({
    ...common,
    type: z.literal("watermark"),
    inputs: z.array(fileId).length(1),
    params: requestedTaskParams.watermark,
  }),
  z.object({
    ...common,
    type: z.literal("merge"),
    inputs: z.array(fileId).min(mergeInputCount.min).max(mergeInputCount.max),
    params: requestedTaskParams.merge.optional(),
  }),
  z.object({
    ...common,
    type: z.literal("thumbnail"),
    inputs: z.array(fileId).length(1),
    params: requestedTaskParams.thumbnail.optional(),
  }),
]);

export type CreateTaskInput = z.infer<typeof createTaskInput>;
