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
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string;
};
