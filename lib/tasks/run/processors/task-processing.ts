import type { File, Task } from "../../../generated/prisma/client";
import type { ProgressTracker } from "../track-progress";
import type { TaskLogLevel } from "../../append-task-log";
import type { TaskOutput } from "../finish-task";

export type TaskWithInputs = Task & { inputs: { position: number; file: File }[] };

/** What a processor gets: the task, a private folder, the abort signal, progress and the task log. */
export type ProcessContext = {
  task: TaskWithInputs;
  workDir: string;
  signal: AbortSignal;
  progress: ProgressTracker;
  log: (level: TaskLogLevel, message: string) => Promise<void>;
};

/** A finished output still in the work folder, with what the File row needs but its storage key and size. */
export type ProducedFile = Omit<TaskOutput, "storageKey" | "size"> & { path: string };
