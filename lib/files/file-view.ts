import { z } from "zod";

// A File as the API shows it, written once: the pages parse answers with these schemas, the server's
// types come from them, and file-view-sql.ts builds exactly this JSON (a test parses it through them).
// Client-safe: zod only.

/** A static overlay the analysis found, in source pixels; its time span is null when it shows throughout. */
export const watermarkViewSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  confidence: z.number(),
  fromSecond: z.number().nullable(),
  toSecond: z.number().nullable(),
});
export type WatermarkView = z.infer<typeof watermarkViewSchema>;

/**
 * What a detection's confidence means (API.md): at or above `confident` a region is a mark nine times in
 * ten, so the pages pre-select it and "auto" removes it; below `shown` it is not worth showing at all.
 */
export const watermarkConfidence = { confident: 0.8, shown: 0.5 } as const;
export const isConfidentWatermark = (region: { confidence: number }) => region.confidence >= watermarkConfidence.confident;

export const fileViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  kind: z.enum(["video", "image"]),
  /** An upload, or a task's result. */
  origin: z.enum(["upload", "output"]),
  /** The task that made a result; null for uploads (and for a result whose task is gone). */
  taskId: z.string().nullable(),
  width: z.number(),
  height: z.number(),
  durationSec: z.number().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  thumbnailUrl: z.string().nullable(),
  /** Static overlays the analysis found; null until a video has been analysed. */
  watermarks: z.array(watermarkViewSchema).nullable().catch(null),
});
export type FileView = z.infer<typeof fileViewSchema>;

/** One page of the visitor's files, newest first, and how many there are in all. */
export const filePageSchema = z.object({ files: z.array(fileViewSchema), page: z.number(), pageSize: z.number(), total: z.number() });
export type FilePage = z.infer<typeof filePageSchema>;
