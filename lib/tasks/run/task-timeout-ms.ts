import type { TaskType } from "../../generated/prisma/enums";
import { taskTimeoutMinutes } from "../task-timeout-minutes";

/** How long a task of this type may run, in milliseconds. */
export function taskTimeoutMs(type: TaskType): number {
  return taskTimeoutMinutes(type) * 60_000;
}
