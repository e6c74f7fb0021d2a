import { getDb } from "@/lib/db";
import { isActiveStatus } from "@/lib/tasks/task-states";
import { submitTask, type SeedTask } from "./seed-tasks";
import { waitFor } from "./wait-for";

/** Reads a task with its outputs and logs once it reaches a final state. */
export async function waitForTaskEnd(taskId: string, timeoutMs = 60_000) {
  return waitFor(
    async () => {
      const task = await getDb().task.findUniqueOrThrow({
        where: { id: taskId },
        include: { outputs: true, logs: { orderBy: { id: "asc" } } },
      });
      return !isActiveStatus(task.status) && task;
    },
    { what: `task ${taskId} to end`, timeoutMs },
  );
}

/** Submits a task and waits for it to end. */
export async function runTaskToEnd(task: SeedTask) {
  return waitForTaskEnd(await submitTask(task));
}

/**
 * Waits until a worker is visibly processing the task (running, progress above 0) and returns it.
 * Fails at once if the task ends first, and on time-out says where the task and the queue stood.
 */
export async function waitForTaskProgress(taskId: string, timeoutMs = 60_000) {
  const db = getDb();
  try {
    return await waitFor(
      async () => {
        const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
        if (!isActiveStatus(task.status)) {
          throw new Error(`task ${taskId} ended ${task.status} (${task.errorCode ?? "no error"}) before it showed progress`);
        }
        return task.status === "running" && task.progress > 0 && task;
      },
      { what: `task ${taskId} to make progress`, timeoutMs },
    );
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("timed out")) throw error;
    const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    const running = await db.task.count({ where: { status: "running" } });
    const pending = await db.task.count({ where: { status: "pending" } });
    throw new Error(
      `${error.message}: it is ${task.status} at ${task.progress} % (job ${task.jobId ?? "none"}, attempts ${task.attempts}); ` +
        `the database holds ${running} running and ${pending} pending tasks`,
    );
  }
}
