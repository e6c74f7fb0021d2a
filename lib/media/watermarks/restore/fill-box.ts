import type { CropPlane } from "./crop-layout";

/**
 * A spatial fill of a plane's box from the ring around it: every box pixel is a blend of the four
 * border values in its row and column, weighted by distance, so the fill meets the border exactly. A
 * side the frame edge cuts off does not take part. Two ways, which suit different pictures:
 * - "near": inverse square distance, each border value the mean of the ring pixel beside the box and
 *   the one further out; it follows the nearest border closely and bends smoothly between sides
 *   (a still gradient or an edge crossing the box: a screencast's handle 22.2 → 31.1 dB against delogo);
 * - "smooth": inverse distance, each border value the mean of three ring pixels along the border, as
 *   ffmpeg's delogo weighs: less of each border pixel's noise reaches the box (a night sky: 35.3 → 37.8 dB).
 */
export type FillScheme = "near" | "smooth";

export type BoxFill = { plane: CropPlane; weights: Float32Array; scheme: FillScheme };

const SIDES = 4;

function sideDistances(plane: CropPlane, x: number, y: number): number[] {
  const { box, width, height } = plane;
  const distances = [x + 1, box.width - x, y + 1, box.height - y];
  const present = [box.x > 0, box.x + box.width < width, box.y > 0, box.y + box.height < height];
  return distances.map((distance, side) => (present[side] ? distance : Infinity));
}

export function planBoxFill(plane: CropPlane, scheme: FillScheme): BoxFill {
  const power = scheme === "near" ? 2 : 1;
  const { box } = plane;
  const weights = new Float32Array(box.width * box.height * SIDES);
  for (let y = 0; y < box.height; y += 1) {
    for (let x = 0; x < box.width; x += 1) {
      const inverse = sideDistances(plane, x, y).map((distance) => 1 / distance ** power);
      const total = inverse.reduce((sum, value) => sum + value, 0) || 1;
      inverse.forEach((value, side) => (weights[(y * box.width + x) * SIDES + side] = value / total));
    }
  }
  return { plane, weights, scheme };
}

/**
 * The border value at ring pixel (x, y), which lies `step` outside the box: "near" takes the mean of it
 * and the pixel one step further out, "smooth" the mean of it and its two neighbours along the border;
 * 0 where the frame ends.
 */
function ringValue(values: ArrayLike<number>, plane: CropPlane, scheme: FillScheme, x: number, y: number, stepX: number, stepY: number): number {
  if (x < 0 || y < 0 || x >= plane.width || y >= plane.height) return 0;
  const at = (column: number, row: number) =>
    values[plane.offset + Math.min(plane.height - 1, Math.max(0, row)) * plane.width + Math.min(plane.width - 1, Math.max(0, column))] ?? 0;
  if (scheme === "near") return (at(x, y) + at(x + stepX, y + stepY)) / 2;
  const alongX = stepY === 0 ? 0 : 1;
  const alongY = stepX === 0 ? 0 : 1;
  return (at(x - alongX, y - alongY) + at(x, y) + at(x + alongX, y + alongY)) / 3;
}

/** Fills `out` (box-sized) from the ring of `values`, a whole crop frame (or per-pixel statistics of one). */
export function fillBox({ plane, weights, scheme }: BoxFill, values: ArrayLike<number>, out: Float32Array): Float32Array {
  const { box } = plane;
  const left = new Float32Array(box.height);
  const right = new Float32Array(box.height);
  for (let y = 0; y < box.height; y += 1) {
    left[y] = ringValue(values, plane, scheme, box.x - 1, box.y + y, -1, 0);
    right[y] = ringValue(values, plane, scheme, box.x + box.width, box.y + y, 1, 0);
  }
  for (let x = 0; x < box.width; x += 1) {
    const top = ringValue(values, plane, scheme, box.x + x, box.y - 1, 0, -1);
    const bottom = ringValue(values, plane, scheme, box.x + x, box.y + box.height, 0, 1);
    for (let y = 0; y < box.height; y += 1) {
      const index = y * box.width + x;
      const weight = index * SIDES;
      out[index] = weights[weight]! * left[y]! + weights[weight + 1]! * right[y]! + weights[weight + 2]! * top + weights[weight + 3]! * bottom;
    }
  }
  return out;
}
