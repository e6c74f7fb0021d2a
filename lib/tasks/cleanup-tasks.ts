import { z } from "zod";
import type { TaskStatus } from "../generated/prisma/enums";
import { deleteTaskRows } from "./delete-task-rows";
import { finishedStatuses } from "./task-states";

export const cleanupTasksInput = z.object({ scope: z.enum(["completed", "failed", "all"]) });

export type CleanupScope = z.infer<typeof cleanupTasksInput>["scope"];

// "failed" covers every task that ended without a result, cancelled ones included.
const statusesByScope: Record<CleanupScope, TaskStatus[]> = {
  completed: ["completed"],
  failed: ["failed", "cancelled"],
  all: finishedStatuses,
};

/**
 * Deletes the visitor's finished tasks in `scope` with their outputs; pending and running tasks are
 * never touched, nor a finished task whose output one of them is reading.
 */
export async function cleanupTasks({ visitorId, scope }: { visitorId: string; scope: CleanupScope }): Promise<number> {
  return deleteTaskRows({ visitorId, statuses: statusesByScope[scope], whenOutputInUse: "skip" });
}
