import { z } from "zod";
import { isConfidentWatermark } from "../../files/file-view";
import type { FirstInput, SettledParams, TaskTypeRules } from "./task-type";

// What a watermark removal takes and makes, what a client may ask of it, and how that is settled
// against the video. Client-safe (zod only): the New task page takes its limits and methods from here.

const pixels = z.number().int().min(0);
const second = z.number().min(0);

/** A watermark region in source-video pixels. */
export const regionSchema = z.object({ x: pixels, y: pixels, width: pixels.min(1), height: pixels.min(1) });
export type Region = z.infer<typeof regionSchema>;

export const watermarkRegionCount = { min: 1, max: 8 } as const;
export const watermarkMethods = ["restore", "delogo", "blur", "mask"] as const;
export type WatermarkMethod = (typeof watermarkMethods)[number];

/** A region to remove, only between `fromSecond` and `toSecond` when given (null: from the start / to the end). */
export const timedRegionSchema = regionSchema
  .extend({
    confidence: z.number().min(0).max(1).optional(),
    fromSecond: second.nullable().optional(),
    toSecond: second.nullable().optional(),
  })
  .refine((region) => region.fromSecond == null || region.toSecond == null || region.fromSecond < region.toSecond, {
    message: "fromSecond must come before toSecond",
    path: ["toSecond"],
  });
export type TimedRegion = z.infer<typeof timedRegionSchema>;

// v1 clients send one `region`; v2 clients `regions` (or "auto"). One object keeps each problem's field name.
export const watermarkRequestSchema = z
  .object({
    regions: z.union([z.literal("auto"), z.array(timedRegionSchema).min(watermarkRegionCount.min).max(watermarkRegionCount.max)]).optional(),
    region: regionSchema.optional(),
    method: z.enum(watermarkMethods).optional(),
  })
  .refine((params) => params.regions !== undefined || params.region !== undefined, { message: "regions are required", path: ["regions"] });

/**
 * Watermark params as stored and run, in one shape: v1's `region` becomes `regions`. Without a method
 * the worker picks one per region (restore, or delogo where the video is too long or a box too large for it)
 * and stores what it used: `methods`, one per removed region, and `method` when they all agree.
 */
export const watermarkParamsSchema = watermarkRequestSchema
  .extend({ methods: z.array(z.enum(watermarkMethods)).optional() })
  .transform(({ regions, region, method, methods }) => ({
    regions: regions ?? [region as TimedRegion],
    ...(method ? { method } : {}),
    ...(methods ? { methods } : {}),
  }));
export type WatermarkParams = z.infer<typeof watermarkParamsSchema>;

/**
 * The params to store, or the field that does not suit the video: every region inside the frame, with
 * its time span inside the video (the first that is not names the field); "auto" is refused when the
 * analysis found no watermark it is confident of.
 */
export function settleWatermarkParams(requested: unknown, first: FirstInput): SettledParams {
  const request = watermarkRequestSchema.parse(requested);
  const params = watermarkParamsSchema.parse(request);
  if (params.regions === "auto") {
    const found = Array.isArray(first.watermarks) ? (first.watermarks as { confidence: number }[]) : null;
    return found && !found.some(isConfidentWatermark) ? { refusal: "no_watermark_found" } : { params };
  }
  const field = request.regions === undefined ? "params.region" : "params.regions";
  for (const [index, region] of params.regions.entries()) {
    const { x, y, width, height } = region;
    const name = field === "params.region" ? field : `${field}.${index}`;
    if (x + width > first.width || y + height > first.height) return { invalidField: name };
    if ((region.fromSecond ?? 0) >= (first.durationSec ?? 0)) return { invalidField: `${name}.fromSecond` };
  }
  return { params };
}

/** Removes watermarks from one video: regions drawn by the visitor, or those the analysis found ("auto"). */
export const watermarkRules: TaskTypeRules = {
  type: "watermark",
  inputs: { min: 1, max: 1, kinds: ["video"] },
  params: {
    request: watermarkRequestSchema,
    optional: false,
    settle: settleWatermarkParams,
    laterStep: (requested) => watermarkParamsSchema.parse(requested),
  },
  output: { extension: "mp4", mime: "video/mp4", kind: "video", mayBeFollowed: true },
};
