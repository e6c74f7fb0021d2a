import { z } from "zod";
import { TaskType } from "../generated/prisma/enums";

// The settings of each task type, defined once: the API checks new tasks with them, the worker reads
// stored params through them and the New task page takes its limits and defaults from here. Plain zod
// and no server imports (the database enum is plain data), so client components can import this module too.

/** Every task type, from the database enum. */
export const taskTypes = Object.values(TaskType) as [TaskType, ...TaskType[]];

export const thumbnailWidth = { min: 16, max: 1920, default: 256 } as const;
/** Where a video's thumbnail is taken when the visitor does not say (a shorter video uses its middle). */
export const defaultThumbnailSecond = 1;
export const mergeInputCount = { min: 2, max: 20 } as const;

const pixels = z.number().int().min(0);
const width = z.number().int().min(thumbnailWidth.min).max(thumbnailWidth.max);
const atSecond = z.number().min(0);

/** A watermark region in source-video pixels. */
export const regionSchema = z.object({ x: pixels, y: pixels, width: pixels.min(1), height: pixels.min(1) });
export type Region = z.infer<typeof regionSchema>;

/** Params as a client sends them; thumbnail settings may be left out. */
export const requestedTaskParams = {
  watermark: z.object({ region: regionSchema }),
  merge: z.object({}),
  thumbnail: z.object({ width: width.optional(), atSecond: atSecond.optional() }),
};

/** Params as a task runs with them, defaults filled in. */
export const taskParams = {
  watermark: requestedTaskParams.watermark,
  merge: requestedTaskParams.merge,
  thumbnail: z.object({ width: width.default(thumbnailWidth.default), atSecond: atSecond.default(defaultThumbnailSecond) }),
};

export type TaskParamsRequest =
  | { type: "watermark"; params: z.infer<typeof requestedTaskParams.watermark> }
  | { type: "merge"; params?: z.infer<typeof requestedTaskParams.merge> }
  | { type: "thumbnail"; params?: z.infer<typeof requestedTaskParams.thumbnail> };

/** What the params are checked against: the task's first input as stored. */
export type FirstInput = { kind: "video" | "image"; width: number; height: number; durationSec: number | null };

export type SettledParams =
  | { params: { region: Region } | Record<string, never> | { width: number; atSecond?: number } }
  | { invalidField: string };

/**
 * The params to store for a new task, defaults filled in, or the field that does not suit its input:
 * a region must lie inside the frame, a video's moment within its duration.
 */
export function settleTaskParams(request: TaskParamsRequest, first: FirstInput): SettledParams {
  switch (request.type) {
    case "watermark": {
      const { x, y, width, height } = request.params.region;
      if (x + width > first.width || y + height > first.height) return { invalidField: "params.region" };
      return { params: { region: { x, y, width, height } } };
    }
    case "merge":
      return { params: {} };
    case "thumbnail": {
      const width = request.params?.width ?? thumbnailWidth.default;
      if (first.kind === "image") return { params: { width } };
      const duration = first.durationSec ?? 0;
      const requested = request.params?.atSecond;
      if (requested !== undefined && requested > duration) return { invalidField: "params.atSecond" };
      return { params: { width, atSecond: requested ?? Math.min(defaultThumbnailSecond, duration / 2) } };
    }
  }
}
