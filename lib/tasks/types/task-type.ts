import type { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { TaskType } from "../../generated/prisma/enums";

/** What a new task's params are checked against: its first input as stored (watermarks: null until analysed). */
export type FirstInput = { kind: "video" | "image"; width: number; height: number; durationSec: number | null; watermarks?: unknown };

/** The params to store, filled in, or the field that does not suit the input, or a refusal of the task. */
export type SettledParams = { params: Prisma.InputJsonObject } | { invalidField: string } | { refusal: "no_watermark_found" };

/**
 * What a task type is, but its processor: what it reads, what a client may ask of it and how that is
 * settled, what it makes. Declared in the client-safe lib/tasks/types/<type>-rules.ts (zod only), which
 * the web app, the pages and the pipeline rules read without loading any processing code; registered
 * in task-rules.ts.
 */
export type TaskTypeRules = {
  type: TaskType;
  /** How many input files it reads, and of which kinds. */
  inputs: { min: number; max: number; kinds: readonly ("video" | "image")[] };
  params: {
    /** What a client sends; `optional`: params may be left out. */
    request: z.ZodType;
    optional: boolean;
    /** The params to store for a task, checked against its first input (`requested` has passed `request`). */
    settle(requested: unknown, first: FirstInput): SettledParams;
    /** The params to store for a later pipeline step: checked by shape now, against their real input when the step runs. */
    laterStep(requested: unknown): Prisma.InputJsonObject;
  };
  /** What it makes; `mayBeFollowed`: a later pipeline step may read it. */
  output: { extension: string; mime: string; kind: "video" | "image"; mayBeFollowed: boolean };
};
