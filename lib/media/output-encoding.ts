/** How every video the product produces is encoded: H.264 in 4:2:0 (plays everywhere), fast preset. */
export const H264_VIDEO = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"];

/** Audio that has to be re-encoded. */
export const AAC_AUDIO = ["-c:a", "aac", "-b:a", "160k"];

/** The even size at or below `value` (at least 2), which H.264 4:2:0 needs. */
export function evenSize(value: number): number {
  return Math.max(2, value - (value % 2));
}
