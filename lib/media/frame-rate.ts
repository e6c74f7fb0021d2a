/** Frames per second of an ffprobe fraction such as "30000/1001", rounded to 3 decimals; null for "0/0" or nonsense. */
export function frameRate(fraction: string | undefined): number | null {
  const [numerator, denominator] = (fraction ?? "").split("/").map(Number);
  if (!numerator || !denominator || !Number.isFinite(numerator / denominator)) return null;
  return Math.round((numerator / denominator) * 1000) / 1000;
}
