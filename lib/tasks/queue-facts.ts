import { getDb } from "../db";
import { readyToStartSql } from "./pipeline-steps";
import type { StoredTaskView, TaskView } from "./task-view";

/**
 * Where each of the visitor's pending tasks stands in line (1 = the next task the dispatcher would
 * admit system-wide), by the dispatcher's fair-share order: a visitor's task at place p in their own
 * queue (priority, then age) ranks by running + p, ties going to the task with the higher priority,
 * then to the visitor who started something least recently, then by visitor id. Counted per visitor with pending tasks rather than over every
 * pending task: each other visitor has min(pending, key - running - 1) tasks strictly ahead, plus one
 * more when they tie at the same key and win the tie-break. A pipeline step waiting for the step
 * before it is not in line (readyToStartSql, as in the dispatcher): its position is null.
 */
async function queuePositions(visitorId: string, taskIds: string[]): Promise<Map<string, number>> {
  const rows = await getDb().$queryRaw<{ id: string; position: number }[]>`
    WITH queue AS (
      SELECT p.visitor_id, p.n,
             (SELECT count(*) FROM tasks r WHERE r.visitor_id = p.visitor_id AND r.status = 'running')::int AS running
      FROM (SELECT visitor_id, count(*)::int AS n FROM tasks t WHERE ${readyToStartSql("t")} GROUP BY visitor_id) p
    ), mine AS (
      SELECT t.id, t.priority, row_number() OVER (ORDER BY t.priority DESC, t.created_at, t.id)::int AS place
      FROM tasks t WHERE t.visitor_id = ${visitorId} AND ${readyToStartSql("t")}
    ), me AS (
      SELECT (SELECT count(*) FROM tasks r WHERE r.visitor_id = ${visitorId} AND r.status = 'running')::int AS running,
             COALESCE((SELECT max(s.started_at) FROM tasks s WHERE s.visitor_id = ${visitorId}), '-infinity') AS last_started_at
    )
    SELECT m.id, (m.place + COALESCE(sum(
             LEAST(q.n, GREATEST(0, me.running + m.place - q.running - 1))
             + CASE WHEN me.running + m.place - q.running BETWEEN 1 AND q.n
                     AND (-(SELECT o.priority FROM tasks o WHERE o.visitor_id = q.visitor_id AND ${readyToStartSql("o")}
                            ORDER BY o.priority DESC, o.created_at, o.id OFFSET me.running + m.place - q.running - 1 LIMIT 1),
                          COALESCE((SELECT max(s.started_at) FROM tasks s WHERE s.visitor_id = q.visitor_id), '-infinity'), q.visitor_id)
                         < (-m.priority, me.last_started_at, ${visitorId}::text)
                    THEN 1 ELSE 0 END), 0))::int AS position
    FROM mine m CROSS JOIN me LEFT JOIN queue q ON q.visitor_id <> ${visitorId}
    WHERE m.id = ANY(${taskIds}::text[])
    GROUP BY m.id, m.place, m.priority`;
  return new Map(rows.map((row) => [row.id, row.position]));
}

/** Seconds left for a running task, from its progress so far; null before there is any to go by. */
function etaSeconds(task: StoredTaskView, now: number): number | null {
  if (task.status !== "running" || !task.startedAt || task.progress <= 0 || task.progress >= 100) return null;
  const elapsed = (now - Date.parse(task.startedAt)) / 1000;
  if (elapsed < 1) return null;
  return Math.ceil((elapsed * (100 - task.progress)) / task.progress);
}

type QueueFacts = Pick<TaskView, "queuePosition" | "etaSeconds">;

/** Adds `queuePosition` (pending tasks) and `etaSeconds` (running tasks) to one visitor's tasks. */
export async function withQueueFacts<Task extends StoredTaskView>(visitorId: string, tasks: Task[]): Promise<(Task & QueueFacts)[]> {
  const pending = tasks.filter((task) => task.status === "pending").map((task) => task.id);
  const positions = pending.length > 0 ? await queuePositions(visitorId, pending) : new Map<string, number>();
  const now = Date.now();
  return tasks.map((task) => ({ ...task, queuePosition: positions.get(task.id) ?? null, etaSeconds: etaSeconds(task, now) }));
}

/** withQueueFacts for tasks of any visitors, each naming its own; the order is kept. */
export async function withEachOwnersQueueFacts<Task extends StoredTaskView & { visitorId: string }>(tasks: Task[]): Promise<(Task & QueueFacts)[]> {
  const owners = [...new Set(tasks.map((task) => task.visitorId))];
  const withFacts = (await Promise.all(owners.map((visitorId) => withQueueFacts(visitorId, tasks.filter((task) => task.visitorId === visitorId))))).flat();
  const byId = new Map(withFacts.map((task) => [task.id, task]));
  return tasks.map((task) => byId.get(task.id)!);
}
