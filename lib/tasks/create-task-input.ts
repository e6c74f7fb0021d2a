import { z } from "zod";
import type { TaskType } from "../generated/prisma/enums";
import type { TaskTypeRules } from "./types/task-type";
import { everyTaskRules, taskRules } from "./types/task-rules";

// The bodies of POST /api/tasks and POST /api/pipelines, made from the task types' own rules.

const fileId = z.string().min(1).max(64);

/** Where to POST the completion webhook; the address itself is judged by assertNotifyUrl. */
const notifyUrl = z.string().min(1).max(2048).optional();

const paramsOf = ({ params }: TaskTypeRules) => (params.optional ? params.request.optional() : params.request);

const asUnion = <Option extends z.ZodObject>(options: Option[]) => options as [Option, ...Option[]];

/** The body of POST /api/tasks, per task type: its inputs and params as the type takes them. */
export const createTaskInput = z.discriminatedUnion(
  "type",
  asUnion(
    everyTaskRules().map((definition) =>
      z.object({
        notifyUrl,
        type: z.literal(definition.type),
        inputs: z.array(fileId).min(definition.inputs.min).max(definition.inputs.max),
        params: paramsOf(definition),
      }),
    ),
  ),
);

export type CreateTaskInput = z.infer<typeof createTaskInput>;

export const pipelineStepCount = { min: 1, max: 4 } as const;

const step = z.discriminatedUnion("type", asUnion(everyTaskRules().map((definition) => z.object({ type: z.literal(definition.type), params: paramsOf(definition) }))));
export type PipelineStep = z.infer<typeof step>;

/** Whether a step of type `next` can read the output of one of type `previous`: it reads one file, of that kind. */
function canFollow(previous: TaskType, next: TaskType): boolean {
  const { output } = taskRules(previous);
  const { inputs } = taskRules(next);
  return output.mayBeFollowed && inputs.min === 1 && inputs.kinds.includes(output.kind);
}

/**
 * The body of POST /api/pipelines. The first step with `inputs` (and `notifyUrl`) is checked exactly
 * as POST /api/tasks checks a task; an order in which a step cannot read the previous output is refused
 * on the field `steps`.
 */
export const createPipelineInput = z
  .object({
    inputs: z.array(z.unknown()).max(Math.max(...everyTaskRules().map((definition) => definition.inputs.max))),
    steps: z.array(step).min(pipelineStepCount.min).max(pipelineStepCount.max),
    notifyUrl: z.unknown().optional(),
  })
  .refine((body) => body.steps.slice(1).every((current, index) => canFollow(body.steps[index]!.type, current.type)), {
    message: "a step cannot take the previous step's output",
    path: ["steps"],
  })
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
