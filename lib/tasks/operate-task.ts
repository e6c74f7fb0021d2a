import { getDb } from "../db";
import { AppError } from "../errors";
import { cancelTask } from "./cancel-task";
import { getOperatorTask } from "./list-operator-tasks";
import { retryTask } from "./retry-task";
import type { OperatorTaskView } from "./task-view";

const actions = { cancel: cancelTask, retry: retryTask };

/** Cancels or retries any visitor's task for an operator, exactly as its owner would (same states, same conflicts). */
export async function operateTask({ taskId, action }: { taskId: string; action: keyof typeof actions }): Promise<OperatorTaskView> {
  const task = await getDb().task.findUnique({ where: { id: taskId }, select: { visitorId: true } });
  if (!task) throw new AppError("not_found");
  await actions[action]({ visitorId: task.visitorId, taskId });
  return getOperatorTask(taskId);
}
