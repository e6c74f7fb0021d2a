import type { FileView } from "../files/present-file";
import type { TaskStatus, TaskType } from "../generated/prisma/enums";

/** A task as the API shows it. */
export type TaskView = {
  id: string;
  type: TaskType;
  status: TaskStatus;
  progress: number;
  message: string;
  error: { code: string; message: string } | null;
  params: unknown;
  inputs: FileView[];
  outputs: FileView[];
  attempts: number;
  /** The pipeline this task is a step of, its place there (0-based) and the step it reads; null for a plain task. */
  pipelineId: string | null;
  step: number | null;
  dependsOn: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string;
  /** Pending tasks: 1 = the next task to be admitted system-wide (fair-share order); null otherwise. */
  queuePosition: number | null;
  /** Running tasks: seconds left, estimated from the progress rate; null when unknown. */
  etaSeconds: number | null;
};

/** A task as read from the database in one query (task-view-sql), before its place in line and time left are added. */
export type StoredTaskView = Omit<TaskView, "queuePosition" | "etaSeconds">;
