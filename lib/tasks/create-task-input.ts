import { z } from "zod";

const fileId = z.string().min(1).max(64);
const pixels = z.number().int().min(0);

const region = z.object({ x: pixels, y: pixels, width: pixels.min(1), height: pixels.min(1) });

/** The body of POST /api/tasks, per task type. */
export const createTaskInput = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("watermark"),
    inputs: z.array(fileId).length(1),
    params: z.object({ region }),
  }),
  z.object({
    type: z.literal("merge"),
    inputs: z.array(fileId).min(2).max(20),
    params: z.object({}).optional(),
  }),
  z.object({
    type: z.literal("thumbnail"),
    inputs: z.array(fileId).length(1),
    params: z
      .object({ width: z.number().int().min(16).max(1920).optional(), atSecond: z.number().min(0).optional() })
      .optional(),
  }),
]);

export type CreateTaskInput = z.infer<typeof createTaskInput>;
