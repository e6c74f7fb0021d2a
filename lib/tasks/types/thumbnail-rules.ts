import { z } from "zod";
import type { FirstInput, SettledParams, TaskTypeRules } from "./task-type";

// What a thumbnail takes and makes, what a client may ask of it, and how that is settled against the
// input. Client-safe (zod only): the New task page takes its limits and defaults from here.

export const thumbnailWidth = { min: 16, max: 1920, default: 256 } as const;
/** Where a video's thumbnail is taken when the visitor does not say (a shorter video uses its middle). */
export const defaultThumbnailSecond = 1;

const width = z.number().int().min(thumbnailWidth.min).max(thumbnailWidth.max);
const atSecond = z.number().min(0);

/** Params as a client sends them: both may be left out. */
export const thumbnailRequestSchema = z.object({ width: width.optional(), atSecond: atSecond.optional() });

/** Params as a thumbnail runs with them, defaults filled in. */
export const thumbnailParamsSchema = z.object({ width: width.default(thumbnailWidth.default), atSecond: atSecond.default(defaultThumbnailSecond) });

/** The params to store: the width, and for a video the moment (within its duration; by default 1 s in, or a short video's middle). */
export function settleThumbnailParams(requested: unknown, first: FirstInput): SettledParams {
  const request = thumbnailRequestSchema.parse(requested ?? {});
  const width = request.width ?? thumbnailWidth.default;
  if (first.kind === "image") return { params: { width } };
  const duration = first.durationSec ?? 0;
  if (request.atSecond !== undefined && request.atSecond > duration) return { invalidField: "params.atSecond" };
  return { params: { width, atSecond: request.atSecond ?? Math.min(defaultThumbnailSecond, duration / 2) } };
}

/** A later pipeline step's params: its input's duration is not known yet, so an unset moment stays unset (the processor's default). */
function laterThumbnailParams(requested: unknown): { width: number; atSecond?: number } {
  const request = thumbnailRequestSchema.parse(requested ?? {});
  return { width: request.width ?? thumbnailWidth.default, ...(request.atSecond === undefined ? {} : { atSecond: request.atSecond }) };
}

/** A WebP picture of an image or of one moment of a video; nothing may follow it in a pipeline. */
export const thumbnailRules: TaskTypeRules = {
  type: "thumbnail",
  inputs: { min: 1, max: 1, kinds: ["video", "image"] },
  params: { request: thumbnailRequestSchema, optional: true, settle: settleThumbnailParams, laterStep: laterThumbnailParams },
  output: { extension: "webp", mime: "image/webp", kind: "image", mayBeFollowed: false },
};
