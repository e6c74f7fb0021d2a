import type { File, Task } from "../generated/prisma/client";
import type { ProgressTracker } from "./track-progress";
import type { TaskLogLevel } from "./append-task-log";

export type TaskWithInputs = Task & { inputs: { position: number; file: File }[] };

/** What a processor gets: the task, a private folder, the abort signal, progress and the task log. */
export type ProcessContext = {
  task: TaskWithInputs;
  workDir: string;
  signal: AbortSignal;
  progress: ProgressTracker;
  log: (level: TaskLogLevel, message: string) => Promise<void>;
};

/** A finished output still in the work folder, with what the File row needs. */
export type ProducedFile = {
  path: string;
  extension: string;
  name: string;
  mime: string;
  kind: "video" | "image";
  width: number;
  height: number;
  durationSec: number | null;
  frameRate: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
};
