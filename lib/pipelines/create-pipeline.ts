import { randomUUID } from "node:crypto";
import { retentionExpiry } from "../files/visitor-storage";
import { getDb, type Prisma } from "../db";
import { lockVisitor } from "../identity/lock-visitor";
import { requestDispatch } from "../queue/request-dispatch";
import { appendTaskLog } from "../tasks/append-task-log";
import { assertTaskCapacity } from "../tasks/assert-task-capacity";
import { checkTaskInputs } from "../tasks/check-task-inputs";
import { taskParams, thumbnailWidth } from "../tasks/task-params";
import { TASK_TRANSACTION_OPTIONS } from "../tasks/task-transaction-options";
import { assertNotifyUrl } from "../webhooks/assert-notify-url";
import type { CreatePipelineInput, PipelineStep } from "./create-pipeline-input";
import type { PipelineView } from "../tasks/task-view";
import { getPipeline } from "./get-pipeline";

/**
 * A later step's params as stored: checked by shape now, against the frame and duration of its real
 * input when it runs (the processors settle them; a region outside the frame fails the step with
 * invalid_params). A thumbnail's moment, when not given, is the processor's default.
 */
function laterStepParams(step: PipelineStep): Prisma.InputJsonObject {
  if (step.type === "watermark") return taskParams.watermark.parse(step.params) as Prisma.InputJsonObject;
  if (step.type === "thumbnail") return { width: step.params?.width ?? thumbnailWidth.default, ...(step.params?.atSecond === undefined ? {} : { atSecond: step.params.atSecond }) };
  return {};
}

/**
 * Creates every step of a pipeline as a pending task in one transaction, each later step depending on
 * the one before it (it gets its input when that one completes). The steps count against the visitor's
 * active-task limit together; only the last step carries the webhook, which reports the pipeline's end.
 */
export async function createPipeline({ visitorId, input }: { visitorId: string; input: CreatePipelineInput }): Promise<PipelineView> {
  const { first, later } = input;
  const expiresAt = retentionExpiry();
  if (first.notifyUrl !== undefined) await assertNotifyUrl(first.notifyUrl);
  const pipelineId = randomUUID();
  const stepCount = 1 + later.length;
  await getDb().$transaction(async (tx) => {
    await lockVisitor(tx, visitorId);
    await assertTaskCapacity(tx, visitorId, stepCount);
    const steps = [{ type: first.type, params: await checkTaskInputs(tx, visitorId, first) }, ...later.map((step) => ({ type: step.type, params: laterStepParams(step) }))];
    let dependsOn: string | null = null;
    for (const [step, { type, params }] of steps.entries()) {
      const task: { id: string } = await tx.task.create({
        data: {
          visitorId, type, params, expiresAt, pipelineId, step, dependsOn,
          notifyUrl: step === stepCount - 1 ? first.notifyUrl : undefined,
          inputs: step === 0 ? { create: first.inputs.map((fileId, position) => ({ position, fileId })) } : undefined,
        },
        select: { id: true },
      });
      await appendTaskLog({ taskId: task.id, level: "info", message: `Task created (${type}, step ${step + 1} of ${stepCount}).`, tx });
      dependsOn = task.id;
    }
    await requestDispatch({ tx, reason: "created" });
  }, TASK_TRANSACTION_OPTIONS);
  return getPipeline({ visitorId, pipelineId });
}
