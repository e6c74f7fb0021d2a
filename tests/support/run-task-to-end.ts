import { getDb } from "@/lib/db";
import { submitTask, type SeedTask } from "./seed-tasks";
import { waitFor } from "./wait-for";

const FINAL = ["completed", "failed", "cancelled"];

/** Reads a task with its outputs and logs once it reaches a final state. */
export async function waitForTaskEnd(taskId: string, timeoutMs = 60_000) {
  return waitFor(
    async () => {
      const task = await getDb().task.findUniqueOrThrow({
        where: { id: taskId },
        include: { outputs: true, logs: { orderBy: { id: "asc" } } },
      });
      return FINAL.includes(task.status) && task;
    },
    { what: `task ${taskId} to end`, timeoutMs },
  );
}

/** Submits a task and waits for it to end. */
export async function runTaskToEnd(task: SeedTask) {
  return waitForTaskEnd(await submitTask(task));
}
