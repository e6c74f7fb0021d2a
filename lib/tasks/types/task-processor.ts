import { AppError } from "../../errors";
import type { File, Task } from "../../generated/prisma/client";
import { mediaFields, type MediaFields } from "../../media/media-info";
import { probeMedia } from "../../media/probe-media";
import type { TaskLogLevel } from "../append-task-log";
import type { ProgressTracker } from "../run/track-progress";
import type { TaskMessage } from "../task-message";
import type { TaskTypeRules } from "./task-type";

// What the worker adds to a task type's rules: its processor, what a processor gets, and what processors share.

export type TaskWithInputs = Task & { inputs: { position: number; file: File }[] };

/** What a processor gets: the task, a private folder, the abort signal, progress and the task log. */
export type ProcessContext = {
  task: TaskWithInputs;
  workDir: string;
  signal: AbortSignal;
  progress: ProgressTracker;
  log: (level: TaskLogLevel, message: TaskMessage) => Promise<void>;
};

/**
 * A finished output still in the work folder: its path, its name and what it is (run-task stores it and
 * records its size), and the params as the task ran them when the processor settled something the
 * request left open (stored in place of the requested ones with the outcome).
 */
export type ProducedFile = Omit<MediaFields, "mime" | "kind"> & { path: string; name: string; params?: Record<string, unknown> };

/**
 * A whole task type: its rules and its processor, assembled in lib/tasks/types/<type>.ts and registered
 * in task-types.ts, which the worker runs tasks through. Its cap and time limit are the settings
 * MAX_RUNNING_<TYPE> and TASK_TIMEOUT_MINUTES_<TYPE>, which config.ts makes for every type of the enum.
 */
export type TaskTypeDefinition = TaskTypeRules & {
  /** Makes the output in the work folder; throws AppError with a TaskFailureCode when the task cannot succeed. */
  process(context: ProcessContext): Promise<ProducedFile>;
};

/** The task's only (or first) input file. */
export function firstInput(task: TaskWithInputs): File {
  const input = task.inputs[0];
  if (!input) throw new AppError("invalid_params", "inputs");
  return input.file;
}

/** A file name without its extension, for naming outputs after their input. */
export function baseName(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot > 0 ? name.slice(0, dot) : name).slice(0, 120) || "video";
}

/** A video the worker produced, described by the same probe uploads go through. */
export async function describeVideoOutput(path: string, name: string, signal: AbortSignal): Promise<ProducedFile> {
  // Our own output: a merge may rightly be longer than any one upload may be.
  const { width, height, durationSec, frameRate, videoCodec, audioCodec } = mediaFields(await probeMedia(path, { signal, enforceLimits: false }));
  return { path, name, width, height, durationSec, frameRate, videoCodec, audioCodec };
}
