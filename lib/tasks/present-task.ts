import { presentFile, type FileView } from "../files/present-file";
import type { TaskWithFiles } from "./task-include";

export type TaskView = {
  id: string;
  type: TaskWithFiles["type"];
  status: TaskWithFiles["status"];
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

/** A task as the API shows it. */
export function presentTask(task: TaskWithFiles): TaskView {
  return {
    id: task.id,
    type: task.type,
    status: task.status,
    progress: task.progress,
    message: task.message,
    error: task.errorCode ? { code: task.errorCode, message: task.errorMessage ?? "" } : null,
    params: task.params,
    inputs: task.inputs.map((input) => presentFile(input.file)),
    outputs: task.outputs.map(presentFile),
    attempts: task.attempts,
    createdAt: task.createdAt.toISOString(),
    startedAt: task.startedAt?.toISOString() ?? null,
    finishedAt: task.finishedAt?.toISOString() ?? null,
    expiresAt: task.expiresAt.toISOString(),
  };
}
