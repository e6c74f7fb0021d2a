import type { CropPlane } from "./crop-layout";

/**
 * A spatial fill of a plane's box from the ring around it: every box pixel is a blend of the four
 * border values in its row and column (each the mean of the two ring pixels next to the box),
 * weighted by the inverse square of the distance, so the fill meets the border exactly and bends
 * smoothly between sides (delogo weighs linearly and leaves ridges along the diagonals). A side the
 * frame edge cuts off does not take part.
 */
export type BoxFill = { plane: CropPlane; weights: Float32Array };

const SIDES = 4;

function sideDistances(plane: CropPlane, x: number, y: number): number[] {
  const { box, width, height } = plane;
  const distances = [x + 1, box.width - x, y + 1, box.height - y];
  const present = [box.x > 0, box.x + box.width < width, box.y > 0, box.y + box.height < height];
  return distances.map((distance, side) => (present[side] ? distance : Infinity));
}

export function planBoxFill(plane: CropPlane): BoxFill {
  const { box } = plane;
  const weights = new Float32Array(box.width * box.height * SIDES);
  for (let y = 0; y < box.height; y += 1) {
    for (let x = 0; x < box.width; x += 1) {
      const inverse = sideDistances(plane, x, y).map((distance) => 1 / (distance * distance));
      const total = inverse.reduce((sum, value) => sum + value, 0) || 1;
      inverse.forEach((value, side) => (weights[(y * box.width + x) * SIDES + side] = value / total));
    }
  }
  return { plane, weights };
}

/** The mean of the ring pixels at (x, y) and one step further out, or 0 where the frame ends. */
function ringValue(values: ArrayLike<number>, plane: CropPlane, x: number, y: number, stepX: number, stepY: number): number {
  const at = (column: number, row: number) => values[plane.offset + row * plane.width + column] ?? 0;
  const farX = Math.min(plane.width - 1, Math.max(0, x + stepX));
  const farY = Math.min(plane.height - 1, Math.max(0, y + stepY));
  if (x < 0 || y < 0 || x >= plane.width || y >= plane.height) return 0;
  return (at(x, y) + at(farX, farY)) / 2;
}

/** Fills `out` (box-sized) from the ring of `values`, a whole crop frame (or per-pixel statistics of one). */
export function fillBox({ plane, weights }: BoxFill, values: ArrayLike<number>, out: Float32Array): Float32Array {
  const { box } = plane;
  const left = new Float32Array(box.height);
  const right = new Float32Array(box.height);
  for (let y = 0; y < box.height; y += 1) {
    left[y] = ringValue(values, plane, box.x - 1, box.y + y, -1, 0);
    right[y] = ringValue(values, plane, box.x + box.width, box.y + y, 1, 0);
  }
  for (let x = 0; x < box.width; x += 1) {
    const top = ringValue(values, plane, box.x + x, box.y - 1, 0, -1);
    const bottom = ringValue(values, plane, box.x + x, box.y + box.height, 0, 1);
    for (let y = 0; y < box.height; y += 1) {
      const index = y * box.width + x;
      const weight = index * SIDES;
      out[index] = weights[weight]! * left[y]! + weights[weight + 1]! * right[y]! + weights[weight + 2]! * top + weights[weight + 3]! * bottom;
    }
  }
  return out;
}
