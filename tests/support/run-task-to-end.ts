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
