import type { z } from "zod";
import type { Prisma } from "../../db";
import { AppError } from "../../errors";
import type { File, Task } from "../../generated/prisma/client";
import type { TaskType } from "../../generated/prisma/enums";
import { mediaFields, type MediaFields } from "../../media/media-info";
import { probeMedia } from "../../media/probe-media";
import type { TaskLogLevel } from "../append-task-log";
import type { ProgressTracker } from "../run/track-progress";

/** What a new task's params are checked against: its first input as stored (watermarks: null until analysed). */
export type FirstInput = { kind: "video" | "image"; width: number; height: number; durationSec: number | null; watermarks?: unknown };

/** The params to store, filled in, or the field that does not suit the input, or a refusal of the task. */
export type SettledParams = { params: Prisma.InputJsonObject } | { invalidField: string } | { refusal: "no_watermark_found" };

export type TaskWithInputs = Task & { inputs: { position: number; file: File }[] };

/** What a processor gets: the task, a private folder, the abort signal, progress and the task log. */
export type ProcessContext = {
  task: TaskWithInputs;
  workDir: string;
  signal: AbortSignal;
  progress: ProgressTracker;
  log: (level: TaskLogLevel, message: string) => Promise<void>;
};

/** A finished output still in the work folder: its path, its name and what it is (run-task stores it and records its size). */
export type ProducedFile = Omit<MediaFields, "mime" | "kind"> & { path: string; name: string };

/**
 * What a task type is: the one place each type is defined (lib/tasks/types/<type>.ts), registered in
 * task-types.ts. Its cap and time limit are the settings MAX_RUNNING_<TYPE> and TASK_TIMEOUT_MINUTES_<TYPE>,
 * which config.ts makes for every type of the enum.
 */
export type TaskTypeDefinition = {
  type: TaskType;
  /** How many input files it reads, and of which kinds. */
  inputs: { min: number; max: number; kinds: readonly ("video" | "image")[] };
  params: {
    /** What a client sends (a client-safe schema, in <type>-params.ts); `optional`: params may be left out. */
    request: z.ZodType;
    optional: boolean;
    /** The params to store for a task, checked against its first input (`requested` has passed `request`). */
    settle(requested: unknown, first: FirstInput): SettledParams;
    /** The params to store for a later pipeline step: checked by shape now, against their real input when the step runs. */
    laterStep(requested: unknown): Prisma.InputJsonObject;
  };
  /** What it makes; `mayBeFollowed`: a later pipeline step may read it. */
  output: { extension: string; mime: string; kind: "video" | "image"; mayBeFollowed: boolean };
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
