import type { CropPlane } from "./crop-layout";

/**
 * Adds to each ring pixel beside the box (where the fill reads) the squared difference across it,
 * `lag` pixels along the box's side: how much the picture varies there, so that a fill from a flat
 * stretch of the ring is trusted and one from beside a lit window or an edge is not. Returns how many
 * ring pixels it added to.
 */
export function addRingTexture(plane: CropPlane, values: ArrayLike<number>, lag: number, into: Float64Array): number {
  const { box, width, height, offset } = plane;
  const at = (x: number, y: number) => values[offset + y * width + x]!;
  let count = 0;
  const add = (x: number, y: number, difference: number) => {
    into[offset + y * width + x] = into[offset + y * width + x]! + difference * difference;
    count += 1;
  };
  const half = lag / 2;
  for (let y = 0; y < height; y += 1) {
    if (y >= box.y && y < box.y + box.height) continue;
    for (let x = box.x; x < box.x + box.width; x += 1) add(x, y, at(Math.min(width - 1, x + half), y) - at(Math.max(0, x - half), y));
  }
  for (let x = 0; x < width; x += 1) {
    if (x >= box.x && x < box.x + box.width) continue;
    for (let y = box.y; y < box.y + box.height; y += 1) add(x, y, at(x, Math.min(height - 1, y + half)) - at(x, Math.max(0, y - half)));
  }
  return count;
}
