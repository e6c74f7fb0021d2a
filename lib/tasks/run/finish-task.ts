import { batchCalls } from "../../database/batch-calls";
import { isDatabaseUnreachable } from "../../database/is-database-unreachable";
import { getDb, type Prisma } from "../../db";
import { countUsedBytes, fitsQuota, retentionExpiry } from "../../files/visitor-storage";
import { lockVisitor } from "../../identity/lock-visitor";
import type { MediaFields } from "../../media/media-info";
import { jobs } from "../../queue/jobs";
import { wakeWorkers } from "../../queue/wake-workers";
import { appendTaskLog, type TaskLogLevel, type TaskLogLine } from "../append-task-log";
import { cancelLaterSteps } from "../cancel-task";
import { notifyTaskEnded } from "../notify/notify-task-ended";
import { writtenTaskMessage, type TaskMessage } from "../task-message";
import type { TaskFailureCode } from "../task-states";
import { admitTasks, requestDispatch } from "./dispatch-tasks";

/** A produced file as it is recorded: what it is (as an upload would be described) and where it is stored. */
export type TaskOutput = MediaFields & { storageKey: string; name: string; size: number };

export type TaskOutcome =
  /** `params`: the params as the task ran them, when the processor settled what the request left open. */
  | { status: "completed"; output: TaskOutput; params?: Record<string, unknown> }
  /**
   * `message`: the failure's detail for operators (the error's text); `reason`: the same in our own
   * words when we have them, so the log line reads in each reader's language.
   */
  | { status: "failed"; code: TaskFailureCode; message: string; reason?: TaskMessage }
  | { status: "cancelled" };

type FailedOutcome = Extract<TaskOutcome, { status: "failed" }>;

/** A failure we can put in our own words (a time limit, a full disk): its English text is the error's detail. */
export function failure(code: TaskFailureCode, reason: TaskMessage): FailedOutcome {
  return { status: "failed", code, message: writtenTaskMessage(reason).message, reason };
}

/** The line a task's log ends with: how it ended, with a failure's detail (our own words when we have them). */
function outcomeLine(outcome: TaskOutcome): TaskMessage {
  if (outcome.status !== "failed") return { code: outcome.status };
  const { code: error, message, reason } = outcome;
  return { code: "failed_with", params: reason ? { error, ...reason.params, reason: reason.code } : { error, detail: message } };
}

/** A task's outcome, with the log lines its run wrote down and has not stored yet (they go in first). */
type Finish = { taskId: string; jobId: string; outcome: TaskOutcome; logLines?: TaskLogLine[] };
type FinishResult = TaskOutcome["status"] | "skipped";

/** How many finished tasks one transaction records at most. */
const MAX_BATCH = 64;

/**
 * A task's final state change, its output's appearance (passed on as the next pipeline step's input;
 * a failure or cancel cancels the later steps instead), its completion webhook and the admission of
 * the tasks that fit in the freed slot, in one transaction. Tasks that finish in this process while
 * another finish is being recorded are recorded together in the next transaction, with one admission
 * for all of them. When another admission holds the lock, a `task-dispatch` wake-up is left instead.
 * An output that does not fit in the visitor's quota turns the outcome into a failure. Applies only
 * while the task is still running under `jobId`; returns the status it applied, or "skipped" (the
 * caller removes any output it had stored unless the status is "completed").
 */
export function finishTask(finish: Finish): Promise<FinishResult> {
  return finishInBatches(finish);
}

const finishInBatches = batchCalls<Finish, FinishResult>({
  maxBatch: MAX_BATCH,
  isolate: (error) => !isDatabaseUnreachable(error),
  async apply(finishes) {
    const { results, started } = await getDb().$transaction((tx) => applyOutcomes(tx, finishes));
    // The slots were freed here: refilling them here keeps each host's share of the work as it was.
    await wakeWorkers(jobs.taskRun.name, started, "here-first");
    return results;
  },
});

/**
 * Completed outcomes whose outputs fit in their visitor's storage quota (outputs count like uploads,
 * in the order they finished), the others turned into final storage_quota_exceeded failures. Holds
 * the visitors' locks (taken in one order, so two batches never wait on each other) until the
 * transaction ends, so the outputs are recorded before any parallel upload can claim the same room.
 */
async function admitOutputs(tx: Prisma.TransactionClient, finishes: Finish[]): Promise<TaskOutcome[]> {
  const completed = finishes.filter((finish) => finish.outcome.status === "completed");
  if (completed.length === 0) return finishes.map((finish) => finish.outcome);
  const owners = await tx.task.findMany({ where: { id: { in: completed.map((finish) => finish.taskId) } }, select: { id: true, visitorId: true } });
  const ownerOf = new Map(owners.map((task) => [task.id, task.visitorId]));
  const visitorIds = [...new Set(owners.map((task) => task.visitorId))];
  await lockVisitor(tx, visitorIds);
  const used = await countUsedBytes(tx, { visitorIds });
  return finishes.map(({ taskId, outcome }) => {
    const visitorId = ownerOf.get(taskId);
    if (outcome.status !== "completed" || visitorId === undefined) return outcome;
    const before = used.get(visitorId) ?? 0;
    if (fitsQuota(before, outcome.output.size)) {
      used.set(visitorId, before + outcome.output.size);
      return outcome;
    }
    return failure("storage_quota_exceeded", { code: "over_quota", params: { bytes: outcome.output.size } });
  });
}

async function applyOutcomes(tx: Prisma.TransactionClient, finishes: Finish[]) {
  const outcomes = await admitOutputs(tx, finishes);
  const field = <T>(pick: (outcome: TaskOutcome) => T) => outcomes.map(pick);
  // The task's message says how it ended ("Completed", "Failed", "Cancelled"), in the reader's language.
  const ended = field((outcome) => writtenTaskMessage({ code: outcome.status }));
  const finished = await tx.$queryRaw<{ id: string; visitor_id: string }[]>`
    UPDATE tasks t SET status = o.status::task_status, message = o.message, message_code = o.message_code, message_params = NULL,
           progress = CASE WHEN o.status = 'completed' THEN 100 ELSE t.progress END,
           error_code = o.error_code, error_message = o.error_message, params = COALESCE(o.params::jsonb, t.params),
           finished_at = clock_timestamp() AT TIME ZONE 'UTC', updated_at = now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${finishes.map((finish) => finish.taskId)}::text[], ${finishes.map((finish) => finish.jobId)}::text[],
      ${field((outcome) => outcome.status)}::text[], ${ended.map((message) => message.message)}::text[], ${ended.map((message) => message.code)}::text[],
      ${field((outcome) => (outcome.status === "failed" ? outcome.code : null))}::text[],
      ${field((outcome) => (outcome.status === "failed" ? outcome.message : null))}::text[],
      ${field((outcome) => (outcome.status === "completed" && outcome.params ? JSON.stringify(outcome.params) : null))}::text[]
    ) AS o(id, job_id, status, message, message_code, error_code, error_message, params)
    WHERE t.id = o.id AND t.job_id = o.job_id AND t.status = 'running'
    RETURNING t.id, t.visitor_id`;
  const ownerOf = new Map(finished.map((row) => [row.id, row.visitor_id]));
  const applied = finishes.flatMap((finish, index) => {
    const visitorId = ownerOf.get(finish.taskId);
    return visitorId === undefined ? [] : [{ taskId: finish.taskId, visitorId, outcome: outcomes[index]! }];
  });
  await appendTaskLog({ lines: finishes.flatMap((finish) => finish.logLines ?? []), tx });
  await recordOutputs(tx, applied);
  for (const { taskId, outcome } of applied) {
    if (outcome.status !== "completed") await cancelLaterSteps({ tx, taskId });
  }
  await logOutcomes(tx, applied);
  await notifyTaskEnded({ tx, taskIds: applied.map((finish) => finish.taskId) });
  const started = await admitTasks(tx, { wait: false });
  if (started === null) await requestDispatch({ tx, reason: "finished" });
  const results = finishes.map((finish, index): FinishResult => (ownerOf.has(finish.taskId) ? outcomes[index]!.status : "skipped"));
  return { results, started: started ?? 0 };
}

type Applied = { taskId: string; visitorId: string; outcome: TaskOutcome };

/** The completed tasks' outputs become the visitors' files and the inputs of the pipeline steps that read them. */
async function recordOutputs(tx: Prisma.TransactionClient, applied: Applied[]): Promise<void> {
  const expiresAt = retentionExpiry();
  const data = applied.flatMap(({ taskId, visitorId, outcome }) =>
    outcome.status === "completed"
      ? [{ ...outcome.output, size: BigInt(outcome.output.size), origin: "output" as const, visitorId, taskId, expiresAt }]
      : [],
  );
  if (data.length === 0) return;
  const files = await tx.file.createManyAndReturn({ data, select: { id: true, taskId: true } });
  await passOutputsOn({ tx, outputs: files.map((file) => ({ taskId: file.taskId!, fileId: file.id })) });
}

/** Each task's last log line; the same line for many tasks goes in as one insert. */
async function logOutcomes(tx: Prisma.TransactionClient, applied: Applied[]): Promise<void> {
  const lines = new Map<string, { level: TaskLogLevel; message: TaskMessage; taskIds: string[] }>();
  for (const { taskId, outcome } of applied) {
    const level: TaskLogLevel = outcome.status === "failed" ? "error" : "info";
    const message = outcomeLine(outcome);
    const key = `${level}\u0000${JSON.stringify(message)}`;
    const line = lines.get(key) ?? { level, message, taskIds: [] };
    line.taskIds.push(taskId);
    lines.set(key, line);
  }
  for (const { level, message, taskIds } of lines.values()) await appendTaskLog({ taskId: taskIds, level, message, tx });
}

/**
 * Pipeline steps completed: each output becomes the input of the step that reads it, in the finishing
 * transaction, so that step becomes ready to start with the same commit (the admission that follows
 * in that transaction may start it at once).
 */
async function passOutputsOn({ tx, outputs }: { tx: Prisma.TransactionClient; outputs: { taskId: string; fileId: string }[] }): Promise<void> {
  if (outputs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO task_inputs (task_id, position, file_id)
    SELECT t.id, 0, o.file_id
    FROM unnest(${outputs.map((output) => output.taskId)}::text[], ${outputs.map((output) => output.fileId)}::text[]) AS o(task_id, file_id)
    JOIN tasks t ON t.depends_on = o.task_id
    ON CONFLICT (task_id, position) DO NOTHING`;
}
