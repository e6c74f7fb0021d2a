import { getConfig } from "../config";
import { getDb } from "../db";
import { measureFreeBytes } from "../storage/free-space";
import { isAdmissionPaused } from "../tasks/is-admission-paused";
import { listOperatorTasks } from "../tasks/list-operator-tasks";
import { readyToStartSql } from "../tasks/pipeline-steps";
import type { TaskType } from "../tasks/task-view";

/** How many visitors the usage table shows: those with the most tasks waiting or running. */
const USAGE_ROWS = 20;

export type VisitorUsage = { visitorId: string; pending: number; running: number; failed: number; tasks: number; storedBytes: number };

export type OperationsOverview = {
  admissionPaused: boolean;
  /** Pending tasks (queue depth), and those of them ready to start (a pipeline step waits for the one before). */
  pending: number;
  ready: number;
  running: { total: number; byType: Partial<Record<TaskType, number>> };
  caps: { total: number; perVisitor: number; byType: Partial<Record<TaskType, number>> };
  stuck: number;
  stuckAfterMinutes: number;
  freeDiskBytes: number;
  minFreeDiskBytes: number;
  visitors: VisitorUsage[];
};

/** What the operator console shows at the top: queue depth, running against the caps, stuck tasks, disk free and per-visitor usage. */
export async function readOperationsOverview(): Promise<OperationsOverview> {
  const config = getConfig();
  const db = getDb();
  const [counts, visitors, paused, freeDiskBytes, stuck] = await Promise.all([
    db.$queryRaw<{ type: TaskType; pending: number; ready: number; running: number }[]>`
      SELECT t.type, count(*) FILTER (WHERE t.status = 'pending')::int AS pending,
             count(*) FILTER (WHERE ${readyToStartSql("t")})::int AS ready,
             count(*) FILTER (WHERE t.status = 'running')::int AS running
      FROM tasks t
      WHERE t.status IN ('pending', 'running') GROUP BY t.type`,
    db.$queryRaw<(Omit<VisitorUsage, "storedBytes"> & { storedBytes: bigint })[]>`
      SELECT t.visitor_id AS "visitorId", count(*) FILTER (WHERE t.status = 'pending')::int AS pending,
             count(*) FILTER (WHERE t.status = 'running')::int AS running, count(*) FILTER (WHERE t.status = 'failed')::int AS failed,
             count(*)::int AS tasks,
             COALESCE((SELECT sum(f.size) FROM files f WHERE f.visitor_id = t.visitor_id AND f.expired_at IS NULL), 0)::bigint AS "storedBytes"
      FROM tasks t GROUP BY t.visitor_id
      ORDER BY count(*) FILTER (WHERE t.status IN ('pending', 'running')) DESC, count(*) DESC, t.visitor_id
      LIMIT ${USAGE_ROWS}`,
    isAdmissionPaused(),
    measureFreeBytes(config.dataDir),
    listOperatorTasks({ stuck: true, page: 1, pageSize: 1 }),
  ]);
  const sum = (key: "pending" | "ready" | "running") => counts.reduce((total, row) => total + row[key], 0);
  return {
    admissionPaused: paused,
    pending: sum("pending"),
    ready: sum("ready"),
    running: { total: sum("running"), byType: Object.fromEntries(counts.map((row) => [row.type, row.running])) },
    caps: { total: config.limits.maxRunningTotal, perVisitor: config.limits.maxRunningPerVisitor, byType: config.limits.maxRunningByType },
    stuck: stuck.total,
    stuckAfterMinutes: config.stuckAfterMinutes,
    freeDiskBytes,
    minFreeDiskBytes: config.limits.minFreeDiskBytes,
    visitors: visitors.map((row) => ({ ...row, storedBytes: Number(row.storedBytes) })),
  };
}
