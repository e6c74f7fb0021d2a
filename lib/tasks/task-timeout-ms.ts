import { getConfig } from "../config";
import type { TaskType } from "../generated/prisma/enums";

/** How long a task of this type may run: its own limit when configured, else the general one. */
export function taskTimeoutMs(type: TaskType): number {
  const { taskTimeoutMinutes, taskTimeoutMinutesByType } = getConfig().limits;
  return (taskTimeoutMinutesByType[type] ?? taskTimeoutMinutes) * 60_000;
}
