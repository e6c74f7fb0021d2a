import { z } from "zod";
import type { TaskType } from "../generated/prisma/enums";
import { createTaskInput } from "../tasks/create-task-input";
import { mergeInputCount, requestedTaskParams } from "../tasks/task-params";

export const pipelineStepCount = { min: 1, max: 4 } as const;

const step = z.discriminatedUnion("type", [
  z.object({ type: z.literal("watermark"), params: requestedTaskParams.watermark }),
  z.object({ type: z.literal("merge"), params: requestedTaskParams.merge.optional() }),
  z.object({ type: z.literal("thumbnail"), params: requestedTaskParams.thumbnail.optional() }),
]);
export type PipelineStep = z.infer<typeof step>;

/** What each type produces: a later step must be able to read it (merge needs several inputs, so it can only come first). */
const outputKind: Record<TaskType, "video" | "image"> = { merge: "video", watermark: "video", thumbnail: "image" };
const readsOneVideo = (type: TaskType) => type !== "merge";

/** Whether each step can take the output of the one before it. */
const isRunnableOrder = (steps: PipelineStep[]) =>
  steps.slice(1).every((current, index) => readsOneVideo(current.type) && outputKind[steps[index]!.type] === "video");

/**
 * The body of POST /api/pipelines. The first step with `inputs` (and `notifyUrl`) is checked exactly
 * as POST /api/tasks checks a task; an order in which a step cannot read the previous output is refused
 * on the field `steps`.
 */
export const createPipelineInput = z
  .object({
    inputs: z.array(z.unknown()).max(mergeInputCount.max),
    steps: z.array(step).min(pipelineStepCount.min).max(pipelineStepCount.max),
    notifyUrl: z.unknown().optional(),
  })
  .refine((body) => isRunnableOrder(body.steps), { message: "a step cannot take the previous step's output", path: ["steps"] })
  .transform((body, context) => {
    const [first, ...later] = body.steps as [PipelineStep, ...PipelineStep[]];
    const parsed = createTaskInput.safeParse({ ...first, inputs: body.inputs, notifyUrl: body.notifyUrl });
    if (parsed.success) return { first: parsed.data, later };
    for (const issue of parsed.error.issues) {
      // The first step's params live at steps.0.params in this body.
      const path = issue.path[0] === "params" ? ["steps", 0, ...issue.path] : issue.path;
      context.addIssue({ code: "custom", message: issue.message, path });
    }
    return z.NEVER;
  });

export type CreatePipelineInput = z.infer<typeof createPipelineInput>;
