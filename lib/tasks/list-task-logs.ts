import { getDb } from "../db";
import { AppError } from "../errors";
import type { TaskLogView } from "./task-view";

/** The log lines of the visitor's task, oldest first. */
export async function listTaskLogs({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<TaskLogView[]> {
  const task = await getDb().task.findFirst({
    where: { id: taskId, visitorId },
    select: { logs: { orderBy: [{ at: "asc" }, { id: "asc" }], take: 1000, select: { at: true, level: true, message: true } } },
  });
  if (!task) throw new AppError("not_found");
  return task.logs.map((log) => ({ at: log.at.toISOString(), level: log.level, message: log.message }));
}
