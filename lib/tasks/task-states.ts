import type { ErrorCode } from "../errors";
import { TaskStatus } from "../generated/prisma/enums";

// Plain data from the database enum, so client components may import this module too.

/** Every task state, in the order of a task's life. */
export const taskStatuses = Object.values(TaskStatus) as [TaskStatus, ...TaskStatus[]];

/** Waiting for a slot or holding one: counted against the visitor's limits, cancellable. */
export const activeStatuses = [TaskStatus.pending, TaskStatus.running] as const;

export type ActiveStatus = (typeof activeStatuses)[number];
export type FinishedStatus = Exclude<TaskStatus, ActiveStatus>;

export const isActiveStatus = (status: TaskStatus): status is ActiveStatus => (activeStatuses as readonly TaskStatus[]).includes(status);

/** Every state a task ends in (the rest of the enum). */
export const finishedStatuses = taskStatuses.filter((status): status is FinishedStatus => !isActiveStatus(status));

/** Why a task failed, recorded as its error_code; each has errors.<code> in messages/*.json. */
export type TaskFailureCode = Extract<
  ErrorCode,
  "invalid_input" | "media_limits" | "invalid_params" | "no_watermark_found" | "expired" | "processing_failed" | "timeout" | "worker_lost" | "storage_full" | "storage_quota_exceeded"
>;
