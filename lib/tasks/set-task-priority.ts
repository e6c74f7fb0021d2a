import { z } from "zod";
import { getDb } from "../db";
import { AppError } from "../errors";
import { appendTaskLog } from "./append-task-log";
import { getOperatorTask } from "./list-operator-tasks";
import type { OperatorTaskView } from "./task-view";

/** PATCH /api/admin/tasks/:id: higher runs first within the fair share between visitors. */
export const taskPriorityInput = z.strictObject({ priority: z.number().int().min(-10).max(10) });

/**
 * Sets a pending task's priority (an operator's call, whoever owns the task): it orders that visitor's
 * own tasks and breaks ties between visitors at the same fair-share level (`run/dispatch-tasks.ts`).
 * A task that is no longer pending is a conflict. The task's log says so, so its visitor (and support)
 * can tell why it moved in line.
 */
export async function setTaskPriority({ taskId, priority }: { taskId: string; priority: number }): Promise<OperatorTaskView> {
  const db = getDb();
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({ where: { id: taskId, status: "pending" }, data: { priority } });
    if (count === 1) await appendTaskLog({ taskId, level: "info", message: { code: "priority_set", params: { priority } }, tx });
    return count === 1;
  });
  if (!changed) throw new AppError((await db.task.count({ where: { id: taskId } })) ? "conflict" : "not_found");
  return getOperatorTask(taskId);
}
