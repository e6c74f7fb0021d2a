import { retentionExpiry } from "../files/visitor-storage";
import { getDb } from "../db";
import { lockVisitor } from "../identity/lock-visitor";
import { requestDispatch } from "../queue/request-dispatch";
import { appendTaskLog } from "./append-task-log";
import { assertTaskCapacity } from "./assert-task-capacity";
import { checkTaskInputs } from "./check-task-inputs";
import type { CreateTaskInput } from "./create-task-input";
import { getTask } from "./get-task";
import { TASK_TRANSACTION_OPTIONS } from "./task-transaction-options";
import type { TaskView } from "./task-view";
import { assertNotifyUrl } from "../webhooks/assert-notify-url";

/**
 * Creates a pending task and wakes the dispatcher in the same transaction. The visitor's lock makes the
 * active-task limit exact even when many submissions arrive at once.
 */
export async function createTask({ visitorId, input }: { visitorId: string; input: CreateTaskInput }): Promise<TaskView> {
  const expiresAt = retentionExpiry();
  // Resolving the webhook's host may take a moment: done before the visitor's lock is taken.
  if (input.notifyUrl !== undefined) await assertNotifyUrl(input.notifyUrl);
  const taskId = await getDb().$transaction(async (tx) => {
    await lockVisitor(tx, visitorId);
    await assertTaskCapacity(tx, visitorId);
    const params = await checkTaskInputs(tx, visitorId, input);
    const task = await tx.task.create({
      data: {
        visitorId,
        type: input.type,
        params,
        expiresAt,
        notifyUrl: input.notifyUrl,
        inputs: { create: input.inputs.map((fileId, position) => ({ position, fileId })) },
      },
      select: { id: true },
    });
    await appendTaskLog({ taskId: task.id, level: "info", message: `Task created (${input.type}).`, tx });
    await requestDispatch({ tx, reason: "created" });
    return task.id;
  }, TASK_TRANSACTION_OPTIONS);
  return getTask({ visitorId, taskId });
}
