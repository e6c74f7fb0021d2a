import type { CropPlane } from "./crop-layout";

/**
 * A spatial fill of a plane's box from the ring around it: every box pixel is a blend of the border
 * values met going straight out of the box from it (left, right, up, down, and with `diagonals` the
 * four diagonals too), weighted by distance, so the fill meets the border exactly. A way out that the
 * frame edge cuts off does not take part. Where some box pixels show the picture (the mark leaves them
 * bare), the first of those met on the way stands in for the border value: a handle's letters are
 * filled from the picture between them, a few pixels away, rather than from the ring past the other
 * letters. The weightings suit different pictures:
 * - "near": inverse square distance, each border value the mean of the ring pixel met and the one
 *   further out; it follows the nearest border closely and bends smoothly between sides (a still
 *   gradient or an edge crossing the box: a screencast's handle 22.2 → 31.1 dB against delogo);
 * - "smooth": inverse distance, each border value the mean of three ring pixels along the border, as
 *   ffmpeg's delogo weighs: less of each border pixel's noise reaches the box (a night sky: 35.3 → 37.8 dB).
 * The diagonals carry slanting edges and natural texture in (the phone's CJK handle 40.1 → 41.2 dB,
 * the 1906 film's 28.6 → 29.5), but cut across the straight edges of an interface (movie-hello's
 * still desktop 31.3 → 22.7): restore judges which way suits each box.
 */
export type FillScheme = { weighting: "near" | "smooth"; diagonals: boolean };

/** Per box pixel: up to TAPS plane positions and the weights of their values in its fill (unused taps weigh 0); `reach` is the distance (pixels) to the nearest value read. */
export type BoxFill = { plane: CropPlane; taps: Int32Array; weights: Float32Array; reach: Float32Array; scheme: FillScheme };

const STRAIGHT = [[-1, 0], [1, 0], [0, -1], [0, 1]] as const;
const DIAGONAL = [[-1, -1], [1, -1], [-1, 1], [1, 1]] as const;
/** Eight ways out, three ring pixels each at most. */
const TAPS = 24;

/** The plane positions whose mean is the border value met at ring pixel (x, y), going out in direction (dx, dy) across a side that runs `along`. */
function borderPoints(plane: CropPlane, scheme: FillScheme, x: number, y: number, dx: number, dy: number, along: readonly [number, number]): number[] {
  const position = (column: number, row: number) => Math.min(plane.height - 1, Math.max(0, row)) * plane.width + Math.min(plane.width - 1, Math.max(0, column));
  if (scheme.weighting === "near") return [position(x, y), position(x + dx, y + dy)];
  return [position(x - along[0], y - along[1]), position(x, y), position(x + along[0], y + along[1])];
}

/** The fill of `plane`'s box, from the box pixels `known` marks (null: none) and the ring past them. */
export function planBoxFill(plane: CropPlane, scheme: FillScheme, known: ArrayLike<boolean> | null): BoxFill {
  const power = scheme.weighting === "near" ? 2 : 1;
  const directions = scheme.diagonals ? [...STRAIGHT, ...DIAGONAL] : STRAIGHT;
  const { box, width, height } = plane;
  const size = box.width * box.height;
  const taps = new Int32Array(size * TAPS);
  const weights = new Float32Array(size * TAPS);
  const reach = new Float32Array(size);
  for (let y = 0; y < box.height; y += 1) {
    for (let x = 0; x < box.width; x += 1) {
      const index = y * box.width + x;
      const sides: { distance: number; points: number[] }[] = [];
      for (const [dx, dy] of directions) {
        for (let step = 1; ; step += 1) {
          const nx = x + dx * step;
          const ny = y + dy * step;
          const px = box.x + nx;
          const py = box.y + ny;
          const distance = step * Math.hypot(dx, dy);
          if (nx < 0 || ny < 0 || nx >= box.width || ny >= box.height) {
            if (px < 0 || py < 0 || px >= width || py >= height) break;
            const across = nx < 0 || nx >= box.width ? ([0, 1] as const) : ([1, 0] as const);
            sides.push({ distance, points: borderPoints(plane, scheme, px, py, dx, dy, across) });
            break;
          }
          if (known?.[ny * box.width + nx]) {
            sides.push({ distance, points: [py * width + px] });
            break;
          }
        }
      }
      const inverse = sides.map(({ distance }) => 1 / distance ** power);
      const total = inverse.reduce((sum, value) => sum + value, 0) || 1;
      let tap = index * TAPS;
      sides.forEach(({ points }, side) => {
        for (const point of points) {
          taps[tap] = point;
          weights[tap] = inverse[side]! / total / points.length;
          tap += 1;
        }
      });
      reach[index] = Math.min(...sides.map(({ distance }) => distance));
    }
  }
  return { plane, taps, weights, reach, scheme };
}

/** Fills `out` (box-sized) from `values`, a whole crop frame (or per-pixel statistics of one). */
export function fillBox({ plane, taps, weights }: BoxFill, values: ArrayLike<number>, out: Float32Array): Float32Array {
  const { offset, box } = plane;
  for (let index = 0; index < box.width * box.height; index += 1) {
    let value = 0;
    for (let tap = index * TAPS, end = tap + TAPS; tap < end; tap += 1) {
      const weight = weights[tap]!;
      if (weight === 0) break;
      value += weight * (values[offset + taps[tap]!] as number);
    }
    out[index] = value;
  }
  return out;
}
