import { z } from "zod";
import { PreviewStatus } from "../generated/prisma/enums";

// A watermark preview as the API shows it, written once: the page parses answers with this schema and
// the server's type comes from it. Client-safe: zod and the database enum only.

export const previewStatuses = Object.values(PreviewStatus) as [PreviewStatus, ...PreviewStatus[]];

export const previewViewSchema = z.object({
  id: z.string(),
  status: z.enum(previewStatuses),
  /** The moment of the video shown, in seconds. */
  atSecond: z.number(),
  /** The frame as it is, and after removal (WebP, the owner's only); null until the preview is ready. */
  beforeUrl: z.string().nullable(),
  afterUrl: z.string().nullable(),
  /** Why the preview failed, in the reader's language. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type PreviewView = z.infer<typeof previewViewSchema>;

/** How long a preview and its images are kept after it was asked for. */
export const PREVIEW_LIFETIME_MS = 60 * 60 * 1000;
