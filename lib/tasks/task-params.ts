import { z } from "zod";

// The settings of each task type, defined once: the API checks new tasks with them, the worker reads
// stored params through them and the New task page takes its limits and defaults from here. Plain zod
// and no server imports (the database enum is plain data), so client components can import this module too.

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

export const watermarkRegionCount = { min: 1, max: 8 } as const;
export const watermarkMethods = ["delogo", "blur", "mask"] as const;
export type WatermarkMethod = (typeof watermarkMethods)[number];

/** A region to remove, only between `fromSecond` and `toSecond` when given (null: from the start / to the end). */
export const timedRegionSchema = regionSchema
  .extend({
    confidence: z.number().min(0).max(1).optional(),
    fromSecond: atSecond.nullable().optional(),
    toSecond: atSecond.nullable().optional(),
  })
  .refine((region) => region.fromSecond == null || region.toSecond == null || region.fromSecond < region.toSecond, {
    message: "fromSecond must come before toSecond",
    path: ["toSecond"],
  });
export type TimedRegion = z.infer<typeof timedRegionSchema>;

// v1 clients send one `region`; v2 clients `regions` (or "auto"). One object keeps each problem's field name.
const watermarkRequest = z
  .object({
    regions: z.union([z.literal("auto"), z.array(timedRegionSchema).min(watermarkRegionCount.min).max(watermarkRegionCount.max)]).optional(),
    region: regionSchema.optional(),
    method: z.enum(watermarkMethods).optional(),
  })
  .refine((params) => params.regions !== undefined || params.region !== undefined, { message: "regions are required", path: ["regions"] });

/** Watermark params in one shape: v1's `region` becomes `regions`, the method defaults to delogo. */
const watermarkParams = watermarkRequest.transform((params) => ({
  regions: params.regions ?? [params.region as TimedRegion],
  method: params.method ?? "delogo",
}));
export type WatermarkParams = z.infer<typeof watermarkParams>;

/** Params as a client sends them; thumbnail settings may be left out. */
export const requestedTaskParams = {
  watermark: watermarkRequest,
  merge: z.object({}),
  thumbnail: z.object({ width: width.optional(), atSecond: atSecond.optional() }),
};

/** Params as a task runs with them, defaults filled in. */
export const taskParams = {
  watermark: watermarkParams,
  merge: requestedTaskParams.merge,
  thumbnail: z.object({ width: width.default(thumbnailWidth.default), atSecond: atSecond.default(defaultThumbnailSecond) }),
};

export type TaskParamsRequest =
  | { type: "watermark"; params: z.infer<typeof requestedTaskParams.watermark> }
  | { type: "merge"; params?: z.infer<typeof requestedTaskParams.merge> }
  | { type: "thumbnail"; params?: z.infer<typeof requestedTaskParams.thumbnail> };

/** What the params are checked against: the task's first input as stored (watermarks: null until analysed). */
export type FirstInput = { kind: "video" | "image"; width: number; height: number; durationSec: number | null; watermarks?: unknown };

export type SettledParams =
  | { params: WatermarkParams | Record<string, never> | { width: number; atSecond?: number } }
  | { invalidField: string }
  | { refusal: "no_watermark_found" };

/** Regions inside the frame, with time spans inside the video; the first that is not names the field. */
function settleWatermarkParams(params: WatermarkParams, first: FirstInput, field: "params.region" | "params.regions"): SettledParams {
  if (params.regions === "auto") {
    const analysed = Array.isArray(first.watermarks);
    return analysed && (first.watermarks as unknown[]).length === 0 ? { refusal: "no_watermark_found" } : { params };
  }
  for (const [index, region] of params.regions.entries()) {
    const { x, y, width, height } = region;
    const name = field === "params.region" ? field : `${field}.${index}`;
    if (x + width > first.width || y + height > first.height) return { invalidField: name };
    if ((region.fromSecond ?? 0) >= (first.durationSec ?? 0)) return { invalidField: `${name}.fromSecond` };
  }
  return { params };
}

/**
 * The params to store for a new task, defaults filled in, or the field that does not suit its input:
 * regions must lie inside the frame, a video's moment or time span within its duration; "auto" is
 * refused when the analysis found no watermark.
 */
export function settleTaskParams(request: TaskParamsRequest, first: FirstInput): SettledParams {
  switch (request.type) {
    case "watermark":
      return settleWatermarkParams(watermarkParams.parse(request.params), first, request.params.regions === undefined ? "params.region" : "params.regions");
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
