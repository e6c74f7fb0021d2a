import { z } from "zod";
import type { File } from "../generated/prisma/client";
import type { WatermarkView } from "./file-view";

const second = z.number().min(0).nullable();

/** One stored detection: the API's Region plus the overlay's own pixels for the `mask` method. */
export const storedWatermarkSchema = z.object({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  confidence: z.number().min(0).max(1),
  fromSecond: second,
  toSecond: second,
  mask: z.object({ width: z.number().int().min(1), height: z.number().int().min(1), bits: z.string() }).optional(),
});
export type StoredWatermark = z.infer<typeof storedWatermarkSchema>;

/** The file's detected watermarks as stored, or null until its analysis has run. */
export function fileWatermarks(file: Pick<File, "watermarks">): StoredWatermark[] | null {
  if (file.watermarks === null) return null;
  const parsed = z.array(storedWatermarkSchema).safeParse(file.watermarks);
  return parsed.success ? parsed.data : [];
}

/** A detection as the API shows it (the mask stays inside). */
export function withoutMask({ x, y, width, height, confidence, fromSecond, toSecond }: StoredWatermark): WatermarkView {
  return { x, y, width, height, confidence, fromSecond, toSecond };
}
