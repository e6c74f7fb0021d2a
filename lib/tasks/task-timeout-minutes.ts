import { getConfig } from "../config";
import type { TaskType } from "../generated/prisma/enums";

/** How long a task of this type may run, in minutes: its own limit when configured, else the general one. */
export function taskTimeoutMinutes(type: TaskType): number {
  const { taskTimeoutMinutes: fallback, taskTimeoutMinutesByType: byType } = getConfig().limits;
  return byType[type] ?? fallback;
}
