import { getConfig } from "../../config";
import { getDb, type Prisma } from "../../db";
import { fitsStorageQuota } from "../../files/fits-storage-quota";
import { formatBytes } from "../../format/format-bytes";
import { lockVisitor } from "../../identity/lock-visitor";
import type { MediaFields } from "../../media/media-info";
import { jobs } from "../../queue/jobs";
import { requestDispatch } from "../../queue/request-dispatch";
import { wakeWorkers } from "../../queue/wake-workers";
import { notifyTaskEnded } from "../../webhooks/notify-task-ended";
import { appendTaskLog } from "../append-task-log";
import type { TaskFailureCode } from "../task-states";
import { cancelLaterSteps } from "../cancel-later-steps";
import { admitTasks } from "./dispatch-tasks";
import { passOutputOn } from "./pass-output-on";

/** A produced file as it is recorded: what it is (as an upload would be described) and where it is stored. */
export type TaskOutput = MediaFields & { storageKey: string; name: string; size: number };

export type TaskOutcome =
  | { status: "completed"; output: TaskOutput; message: string }
  | { status: "failed"; code: TaskFailureCode; message: string }
  | { status: "cancelled"; message: string };

/**
 * A completed outcome if its output fits in the visitor's storage quota (outputs count like uploads),
 * else a final storage_quota_exceeded failure. Holds the visitor's lock until the transaction ends,
 * so the output is recorded before any parallel upload can claim the same room.
 */
async function admitOutput(tx: Prisma.TransactionClient, taskId: string, outcome: Extract<TaskOutcome, { status: "completed" }>): Promise<TaskOutcome> {
  const task = await tx.task.findUnique({ where: { id: taskId }, select: { visitorId: true } });
  if (!task) return outcome;
  await lockVisitor(tx, task.visitorId);
  if (await fitsStorageQuota(tx, { visitorId: task.visitorId, bytes: outcome.output.size })) return outcome;
  const size = formatBytes(outcome.output.size, "en");
  return { status: "failed", code: "storage_quota_exceeded", message: `The result (${size}) does not fit in the visitor's storage quota` };
}

async function recordOutput(tx: Prisma.TransactionClient, taskId: string, visitorId: string, output: TaskOutput): Promise<string> {
  const expiresAt = new Date(Date.now() + getConfig().limits.retentionHours * 3_600_000);
  const file = await tx.file.create({ data: { ...output, size: BigInt(output.size), origin: "output", visitorId, taskId, expiresAt }, select: { id: true } });
  return file.id;
}

/**
 * The task's final state change, its output's appearance (passed on as the next pipeline step's input;
 * a failure or cancel cancels the later steps instead), its completion webhook and the admission
 * of the tasks that fit in the freed slot, in one transaction (one round of commits per task instead of two). When another
 * admission holds the lock, a `task-dispatch` wake-up is left instead. An output that does not fit
 * in the visitor's quota turns the outcome into a failure. Applies only while the task is still
 * running under `jobId`; returns the status it applied, or "skipped" (the caller removes any output
 * it had stored unless the status is "completed").
 */
export async function finishTask(options: { taskId: string; jobId: string; outcome: TaskOutcome }): Promise<TaskOutcome["status"] | "skipped"> {
  const { status, started } = await getDb().$transaction((tx) => applyOutcome(tx, options));
  // The slot was freed here: refilling it here keeps each host's share of the work as it was.
  await wakeWorkers(jobs.taskRun.name, started, "here-first");
  return status;
}

async function applyOutcome(tx: Prisma.TransactionClient, options: { taskId: string; jobId: string; outcome: TaskOutcome }) {
  const { taskId, jobId } = options;
  const outcome = options.outcome.status === "completed" ? await admitOutput(tx, taskId, options.outcome) : options.outcome;
  const errorCode = outcome.status === "failed" ? outcome.code : null;
  const errorMessage = outcome.status === "failed" ? outcome.message : null;
  const message = outcome.status === "failed" ? "Failed" : outcome.message;
  const finished = await tx.$queryRaw<{ visitor_id: string }[]>`
    UPDATE tasks SET status = ${outcome.status}::task_status, message = ${message},
           progress = CASE WHEN ${outcome.status} = 'completed' THEN 100 ELSE progress END,
           error_code = ${errorCode}, error_message = ${errorMessage},
           finished_at = clock_timestamp() AT TIME ZONE 'UTC', updated_at = now() AT TIME ZONE 'UTC'
    WHERE id = ${taskId} AND job_id = ${jobId} AND status = 'running'
    RETURNING visitor_id`;
  const [row] = finished;
  if (row) {
    if (outcome.status === "completed") {
      await passOutputOn({ tx, taskId, fileId: await recordOutput(tx, taskId, row.visitor_id, outcome.output) });
    } else {
      await cancelLaterSteps({ tx, taskId });
    }
    const level = outcome.status === "failed" ? "error" : "info";
    const line = outcome.status === "failed" ? `Failed (${outcome.code}): ${outcome.message}` : outcome.message;
    await appendTaskLog({ taskId, level, message: line, tx });
    await notifyTaskEnded({ tx, taskId });
  }
  const started = await admitTasks(tx, { wait: false });
  if (started === null) await requestDispatch({ tx, reason: "finished" });
  return { status: row ? outcome.status : ("skipped" as const), started: started ?? 0 };
}
