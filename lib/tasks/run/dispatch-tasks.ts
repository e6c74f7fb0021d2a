import { getConfig } from "../../config";
import { getDb, type Prisma } from "../../db";
import { jobs } from "../../queue/jobs";
import { insertJobs, sendJob } from "../../queue/send-job";
import { wakeWorkers } from "../../queue/wake-workers";
import { appendTaskLog } from "../append-task-log";
import { isAdmissionPaused } from "../is-admission-paused";
import { readyToStartSql } from "../pipeline-steps";
import { writtenTaskMessage } from "../task-message";

/** Serialises admission across every worker process (a transaction-scoped advisory lock key). */
const DISPATCH_LOCK_KEY = 4_100_042;
/** Extra queued tasks per visitor to consider when a type cap blocks the visitor's first choice. */
const LOOKAHEAD = 3;

type Candidate = { id: string; visitor_id: string; type: string; running: bigint };

/** Waits for the admission lock, held to the end of the caller's transaction. */
export async function lockAdmission(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DISPATCH_LOCK_KEY}::bigint)`;
}

/**
 * The pending tasks that may start (pipeline steps once the step they read has completed), fairest
 * first: a visitor's next task ranks by how many tasks that visitor has running plus its place in the
 * visitor's own queue (priority, then age); among equals the task with the higher priority goes first,
 * then the visitor who started something least recently. Priority never lifts a task above a lower
 * fair-share level, so a visitor whose tasks an operator raised gets no more than their share of slots. Each waiting visitor is looked at once (a materialised list) and only their
 * first few tasks are read, so one admission costs the same with 20 or 2,000 tasks waiting.
 */
function selectCandidates(tx: Prisma.TransactionClient, perVisitor: number, limit: number) {
  return tx.$queryRaw<Candidate[]>`
    WITH visitors AS MATERIALIZED (
      SELECT p.visitor_id,
             (SELECT count(*) FROM tasks r WHERE r.visitor_id = p.visitor_id AND r.status = 'running') AS running,
             (SELECT max(s.started_at) FROM tasks s WHERE s.visitor_id = p.visitor_id) AS last_started_at
      FROM (SELECT DISTINCT visitor_id FROM tasks t WHERE ${readyToStartSql("t")}) p
    )
    SELECT c.id, v.visitor_id, c.type, v.running
    FROM visitors v CROSS JOIN LATERAL (
      SELECT t.id, t.type::text AS type, t.priority, row_number() OVER (ORDER BY t.priority DESC, t.created_at, t.id) AS place
      FROM tasks t
      WHERE t.visitor_id = v.visitor_id AND ${readyToStartSql("t")}
      ORDER BY t.priority DESC, t.created_at, t.id
      LIMIT ${perVisitor} - v.running + ${LOOKAHEAD}
    ) c
    WHERE v.running < ${perVisitor}
    ORDER BY v.running + c.place, c.priority DESC, v.last_started_at NULLS FIRST, v.visitor_id, c.place
    LIMIT ${limit}`;
}

/** Picks, in order, every candidate that fits the total, per-visitor and per-type caps. */
function fitCaps(candidates: Candidate[], runningByType: Map<string, number>, runningTotal: number): Candidate[] {
  const { maxRunningTotal, maxRunningPerVisitor, maxRunningByType } = getConfig().limits;
  const byVisitor = new Map<string, number>();
  const byType = new Map(runningByType);
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    if (runningTotal + chosen.length >= maxRunningTotal) break;
    const visitorRunning = byVisitor.get(candidate.visitor_id) ?? Number(candidate.running);
    const typeRunning = byType.get(candidate.type) ?? 0;
    const typeCap = maxRunningByType[candidate.type as keyof typeof maxRunningByType] ?? Infinity;
    if (visitorRunning >= maxRunningPerVisitor || typeRunning >= typeCap) continue;
    byVisitor.set(candidate.visitor_id, visitorRunning + 1);
    byType.set(candidate.type, typeRunning + 1);
    chosen.push(candidate);
  }
  return chosen;
}

/**
 * Admits the pending tasks that fit the running caps inside the caller's transaction: marks them
 * running and sends each its `task-run` job, under a lock that makes the caps exact across
 * processes. With `wait: false` it gives up at once when another admission holds the lock and
 * returns null (the caller then leaves a `task-dispatch` wake-up). Returns how many tasks started;
 * the caller wakes that many consumers once the transaction has committed (`wakeWorkers`).
 */
export async function admitTasks(tx: Prisma.TransactionClient, options: { wait: boolean }): Promise<number | null> {
  const { maxRunningTotal, maxRunningPerVisitor } = getConfig().limits;
  if (!options.wait) {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${DISPATCH_LOCK_KEY}::bigint) AS locked`;
    if (!lock?.locked) return null;
  } else {
    await lockAdmission(tx);
  }
  // Paused by an operator: nothing starts, and pending tasks keep their places.
  if (await isAdmissionPaused(tx)) return 0;
  const running = await tx.$queryRaw<{ type: string; count: bigint }[]>`
    SELECT type::text AS type, count(*) AS count FROM tasks WHERE status = 'running' GROUP BY type`;
  const runningByType = new Map(running.map((row) => [row.type, Number(row.count)]));
  const runningTotal = [...runningByType.values()].reduce((sum, count) => sum + count, 0);
  const free = maxRunningTotal - runningTotal;
  if (free <= 0) return 0;
  const candidates = await selectCandidates(tx, maxRunningPerVisitor, free * (maxRunningPerVisitor + LOOKAHEAD) + 50);
  const chosen = fitCaps(candidates, runningByType, runningTotal);
  if (chosen.length === 0) return 0;
  // One start time for the tasks admitted together: a per-row clock would order them by the order
  // rows happen to be updated in, not by the fair order they were chosen in.
  const starting = writtenTaskMessage({ code: "starting" });
  const started = await tx.$queryRaw<{ id: string; job_id: string }[]>`
    UPDATE tasks SET status = 'running', started_at = (SELECT clock_timestamp() AT TIME ZONE 'UTC'),
           progressed_at = (SELECT clock_timestamp() AT TIME ZONE 'UTC'),
           attempts = attempts + 1, progress = 0, message = ${starting.message}, message_code = ${starting.code}, message_params = NULL,
           job_id = gen_random_uuid()::text,
           error_code = NULL, error_message = NULL, finished_at = NULL, updated_at = now() AT TIME ZONE 'UTC'
    WHERE id = ANY(${chosen.map((task) => task.id)}::text[]) AND status = 'pending'
    RETURNING id, job_id`;
  await appendTaskLog({ taskId: started.map((task) => task.id), level: "info", message: { code: "started" }, tx });
  await insertJobs("taskRun", started.map((task) => ({ id: task.job_id, payload: { taskId: task.id } })), { tx });
  return started.length;
}

/**
 * Admits what fits now, waiting for the admission lock (the `task-dispatch` wake-up's handler), and
 * wakes every host's consumers, so that new work spreads across hosts. Returns how many started.
 */
export async function dispatchTasks(): Promise<number> {
  const started = (await getDb().$transaction((tx) => admitTasks(tx, { wait: true }))) ?? 0;
  await wakeWorkers(jobs.taskRun.name, started, "everywhere");
  return started;
}

/**
 * Asks the workers to admit pending tasks. Pass `tx` to send inside the caller's transaction, so a
 * task row and its wake-up commit or roll back together; queued wake-ups collapse into one.
 */
export async function requestDispatch(options: { tx?: Prisma.TransactionClient; reason?: string } = {}): Promise<void> {
  await sendJob("taskDispatch", { reason: options.reason }, { tx: options.tx, singletonKey: "dispatch" });
}
