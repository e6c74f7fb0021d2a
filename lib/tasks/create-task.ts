import { randomUUID } from "node:crypto";
import type { Locale } from "../../i18n/routing";
import { getConfig } from "../config";
import { getDb, type Prisma } from "../db";
import { AppError } from "../errors";
import { retentionExpiry } from "../files/visitor-storage";
import type { File } from "../generated/prisma/client";
import { LOCKING_TRANSACTION, lockVisitor } from "../identity/lock-visitor";
import { isRecordId } from "../record-id";
import { assertNotifyUrl } from "../webhooks/assert-notify-url";
import { appendTaskLog } from "./append-task-log";
import type { CreatePipelineInput, CreateTaskInput, PipelineStep } from "./create-task-input";
import { getPipeline, getTask } from "./get-task";
import { requestDispatch } from "./run/dispatch-tasks";
import { activeStatuses } from "./task-states";
import type { TaskMessage } from "./task-message";
import type { PipelineView, TaskView } from "./task-view";
import { settleTaskParams, taskRules } from "./types/task-rules";

/**
 * Refuses with too_many_tasks when `adding` more pending tasks (a pipeline's steps, a retried step with
 * the steps after it) would take the visitor past the maximum of pending and running tasks.
 */
export async function assertTaskCapacity(tx: Prisma.TransactionClient, visitorId: string, adding = 1): Promise<void> {
  const active = await tx.task.count({ where: { visitorId, status: { in: [...activeStatuses] } } });
  if (active + adding > getConfig().limits.maxActiveTasks) throw new AppError("too_many_tasks");
}

/**
 * Loads a new task's input files (the caller's own, still stored), checks that they are of a kind its
 * type reads, and returns the params to store with defaults filled in.
 */
async function checkTaskInputs(tx: Prisma.TransactionClient, visitorId: string, input: CreateTaskInput): Promise<Prisma.InputJsonObject> {
  const { kinds } = taskRules(input.type).inputs;
  const rows = await tx.file.findMany({ where: { id: { in: input.inputs.filter(isRecordId) }, visitorId } });
  const byId = new Map(rows.map((file) => [file.id, file]));
  const files: File[] = input.inputs.map((fileId, index) => {
    const file = byId.get(fileId);
    if (!file) throw new AppError("not_found", `inputs.${index}`);
    if (file.expiredAt) throw new AppError("expired", `inputs.${index}`);
    if (!kinds.includes(file.kind)) throw new AppError("invalid_params", `inputs.${index}`);
    return file;
  });
  const settled = settleTaskParams(input, files[0]!);
  if ("invalidField" in settled) throw new AppError("invalid_params", settled.invalidField);
  if ("refusal" in settled) throw new AppError(settled.refusal, "params.regions");
  return settled.params;
}

/**
 * The one way tasks are made: `first` with its inputs, then each of `later` reading the one before it
 * (it gets its input when that one completes), all pending, in one transaction that also wakes the
 * dispatcher. The visitor's lock makes the active-task limit exact even when many submissions arrive at
 * once; the steps count against it together. Only the last step carries the webhook, which reports the
 * end of the whole. A plain task is a single step outside any pipeline (`pipelineId` null).
 */
async function createSteps(options: {
  visitorId: string;
  first: CreateTaskInput;
  later: PipelineStep[];
  pipelineId: string | null;
  locale: Locale;
}): Promise<string[]> {
  const { visitorId, first, later, pipelineId } = options;
  const expiresAt = retentionExpiry();
  // Resolving the webhook's host may take a moment: done before the visitor's lock is taken.
  if (first.notifyUrl !== undefined) await assertNotifyUrl(first.notifyUrl);
  const stepCount = 1 + later.length;
  return getDb().$transaction(async (tx) => {
    await lockVisitor(tx, visitorId);
    await assertTaskCapacity(tx, visitorId, stepCount);
    const steps = [
      { type: first.type, params: await checkTaskInputs(tx, visitorId, first) },
      ...later.map((step) => ({ type: step.type, params: taskRules(step.type).params.laterStep(step.params) })),
    ];
    const taskIds: string[] = [];
    for (const [step, { type, params }] of steps.entries()) {
      const task = await tx.task.create({
        data: {
          visitorId, type, params, expiresAt, pipelineId,
          step: pipelineId === null ? null : step,
          dependsOn: taskIds.at(-1) ?? null,
          notifyUrl: step === stepCount - 1 ? first.notifyUrl : undefined,
          notifyLocale: step === stepCount - 1 && first.notifyUrl !== undefined ? options.locale : undefined,
          inputs: step === 0 ? { create: first.inputs.map((fileId, position) => ({ position, fileId })) } : undefined,
        },
        select: { id: true },
      });
      const created: TaskMessage = pipelineId === null
        ? { code: "created", params: { type } }
        : { code: "created_step", params: { type, step: step + 1, steps: stepCount } };
      await appendTaskLog({ taskId: task.id, level: "info", message: created, tx });
      taskIds.push(task.id);
    }
    await requestDispatch({ tx, reason: "created" });
    return taskIds;
  }, LOCKING_TRANSACTION);
}

/** Creates a pending task: a pipeline of one step, outside any pipeline. */
export async function createTask({ visitorId, input, locale }: { visitorId: string; input: CreateTaskInput; locale: Locale }): Promise<TaskView> {
  const [taskId] = await createSteps({ visitorId, first: input, later: [], pipelineId: null, locale });
  return getTask({ visitorId, taskId: taskId! });
}

/** Creates every step of a pipeline as a pending task, each later step depending on the one before it. */
export async function createPipeline(options: { visitorId: string; input: CreatePipelineInput; locale: Locale }): Promise<PipelineView> {
  const { visitorId, input, locale } = options;
  const pipelineId = randomUUID();
  await createSteps({ visitorId, first: input.first, later: input.later, pipelineId, locale });
  return getPipeline({ visitorId, pipelineId });
}
