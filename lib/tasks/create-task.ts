import { fromPrisma } from "pg-boss";
import { getConfig } from "../config";
import { getDb } from "../db";
import { lockVisitor } from "../identity/lock-visitor";
import { getBoss } from "../queue/get-boss";
import { requestDispatch } from "../queue/request-dispatch";
import { assertTaskCapacity } from "./assert-task-capacity";
import { checkTaskInputs } from "./check-task-inputs";
import type { CreateTaskInput } from "./create-task-input";
import { getTask } from "./get-task";
import { TASK_TRANSACTION_OPTIONS } from "./task-transaction-options";
import type { TaskView } from "./task-view";

/**
 * Creates a pending task and wakes the dispatcher in the same transaction. The visitor's lock makes the
 * active-task limit exact even when many submissions arrive at once.
 */
export async function createTask({ visitorId, input }: { visitorId: string; input: CreateTaskInput }): Promise<TaskView> {
  const boss = await getBoss();
  const expiresAt = new Date(Date.now() + getConfig().limits.retentionHours * 3600_000);
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
        inputs: { create: input.inputs.map((fileId, position) => ({ position, fileId })) },
        logs: { create: { level: "info", message: `Task created (${input.type}).` } },
      },
      select: { id: true },
    });
    await requestDispatch(boss, { db: fromPrisma(tx), reason: "created" });
    return task.id;
  }, TASK_TRANSACTION_OPTIONS);
  return getTask({ visitorId, taskId });
}
