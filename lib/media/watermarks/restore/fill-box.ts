import type { CropPlane } from "./crop-layout";

/**
 * A spatial fill of a plane's box from the ring around it: every box pixel is a blend of the four
 * border values in its row and column, weighted by distance, so the fill meets the border exactly. A
 * side the frame edge cuts off does not take part. Where some box pixels show the picture (the mark
 * leaves them bare), a side's value is the nearest of those in that direction instead of the ring's:
 * a handle's letters are filled from the picture between them, a few pixels away, rather than from the
 * ring past the other letters. Two ways, which suit different pictures:
 * - "near": inverse square distance, each border value the mean of the ring pixel beside the box and
 *   the one further out; it follows the nearest border closely and bends smoothly between sides
 *   (a still gradient or an edge crossing the box: a screencast's handle 22.2 → 31.1 dB against delogo);
 * - "smooth": inverse distance, each border value the mean of three ring pixels along the border, as
 *   ffmpeg's delogo weighs: less of each border pixel's noise reaches the box (a night sky: 35.3 → 37.8 dB).
 */
export type FillScheme = "near" | "smooth";

/**
 * Per box pixel and side (left, right, top, bottom): the side's weight and where its value comes from (a
 * box pixel's position in the plane, or -1 for the ring's border value in the pixel's row or column);
 * `reach` is the distance (pixels) to the nearest of them.
 */
export type BoxFill = { plane: CropPlane; weights: Float32Array; sources: Int32Array; reach: Float32Array; scheme: FillScheme };

const SIDES = 4;
const DIRECTIONS = [[-1, 0], [1, 0], [0, -1], [0, 1]] as const;

/** The fill of `plane`'s box, from the box pixels `known` marks (null: none) and the ring past them. */
export function planBoxFill(plane: CropPlane, scheme: FillScheme, known: ArrayLike<boolean> | null): BoxFill {
  const power = scheme === "near" ? 2 : 1;
  const { box, width, height } = plane;
  const size = box.width * box.height;
  const weights = new Float32Array(size * SIDES);
  const sources = new Int32Array(size * SIDES).fill(-1);
  const reach = new Float32Array(size);
  const ringPresent = [box.x > 0, box.x + box.width < width, box.y > 0, box.y + box.height < height];
  for (let y = 0; y < box.height; y += 1) {
    for (let x = 0; x < box.width; x += 1) {
      const index = y * box.width + x;
      const distances = DIRECTIONS.map(([dx, dy], side) => {
        for (let step = 1; ; step += 1) {
          const nx = x + dx * step;
          const ny = y + dy * step;
          if (nx < 0 || ny < 0 || nx >= box.width || ny >= box.height) return ringPresent[side] ? step : Infinity;
          if (known?.[ny * box.width + nx]) {
            sources[index * SIDES + side] = (box.y + ny) * width + box.x + nx;
            return step;
          }
        }
      });
      const inverse = distances.map((distance) => 1 / distance ** power);
      const total = inverse.reduce((sum, value) => sum + value, 0) || 1;
      inverse.forEach((value, side) => (weights[index * SIDES + side] = value / total));
      reach[index] = Math.min(...distances);
    }
  }
  return { plane, weights, sources, reach, scheme };
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

/** Fills `out` (box-sized) from `values`, a whole crop frame (or per-pixel statistics of one). */
export function fillBox({ plane, weights, sources, scheme }: BoxFill, values: ArrayLike<number>, out: Float32Array): Float32Array {
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
      const fromLeft = sources[weight]!;
      const fromRight = sources[weight + 1]!;
      const fromTop = sources[weight + 2]!;
      const fromBottom = sources[weight + 3]!;
      out[index] =
        weights[weight]! * (fromLeft < 0 ? left[y]! : (values[plane.offset + fromLeft] as number))
        + weights[weight + 1]! * (fromRight < 0 ? right[y]! : (values[plane.offset + fromRight] as number))
        + weights[weight + 2]! * (fromTop < 0 ? top : (values[plane.offset + fromTop] as number))
        + weights[weight + 3]! * (fromBottom < 0 ? bottom : (values[plane.offset + fromBottom] as number));
    }
  }
  return out;
}
