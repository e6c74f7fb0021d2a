/** How far the picture moved between two frames, in analysis pixels (b's content sits at a's position plus the shift). */
export type Shift = { dx: number; dy: number };

/** Shifts tried either way, in analysis pixels: camera pans between sampled frames rarely exceed this. */
const MAX_SHIFT = 12;
/** Every STEP-th pixel of a quarter's inner part is compared: plenty for one shift. */
const STEP = 4;
const NONE: Shift = { dx: 0, dy: 0 };
/** A quarter's best shift counts when it matches at most this share of the mean mismatch over all shifts tried. */
const DECISIVE = 0.7;

type Area = { x0: number; y0: number; x1: number; y1: number };

function cost(a: Uint8Array, b: Uint8Array, width: number, area: Area, dx: number, dy: number): number {
  let total = 0;
  let count = 0;
  for (let y = area.y0; y < area.y1; y += STEP) {
    const row = y * width;
    const shifted = (y + dy) * width + dx;
    for (let x = area.x0; x < area.x1; x += STEP) {
      total += Math.abs((a[row + x] as number) - (b[shifted + x] as number));
      count += 1;
    }
  }
  return count === 0 ? 0 : total / count;
}

/**
 * The best shift of one area by block matching (every second shift, then the best one's neighbours),
 * or null when the area is too flat for any shift to match clearly better than the others.
 */
function areaShift(a: Uint8Array, b: Uint8Array, width: number, area: Area): Shift | null {
  let best = { dx: 0, dy: 0, cost: cost(a, b, width, area, 0, 0) };
  let total = 0;
  let tried = 0;
  const consider = (dx: number, dy: number) => {
    if (Math.abs(dx) > MAX_SHIFT || Math.abs(dy) > MAX_SHIFT) return;
    const value = cost(a, b, width, area, dx, dy);
    total += value;
    tried += 1;
    if (value < best.cost) best = { dx, dy, cost: value };
  };
  for (let dy = -MAX_SHIFT; dy <= MAX_SHIFT; dy += 2) for (let dx = -MAX_SHIFT; dx <= MAX_SHIFT; dx += 2) consider(dx, dy);
  const coarse = best;
  for (let dy = coarse.dy - 1; dy <= coarse.dy + 1; dy += 1) for (let dx = coarse.dx - 1; dx <= coarse.dx + 1; dx += 1) consider(dx, dy);
  return best.cost <= DECISIVE * (total / tried) ? { dx: best.dx, dy: best.dy } : null;
}

/**
 * The camera's shift between two small gray frames: each quarter of the frame is matched on its own
 * (flat quarters abstain), and the camera moved only when at least two quarters agree on a shift and
 * outnumber those that stood still (a window dragged across a still screen, or one moving subject,
 * moves one part of the picture, not the picture).
 */
export function cameraShift(a: Uint8Array, b: Uint8Array, width: number, height: number): Shift {
  const midX = Math.floor(width / 2);
  const midY = Math.floor(height / 2);
  const quarters: Area[] = [
    { x0: MAX_SHIFT, y0: MAX_SHIFT, x1: midX, y1: midY }, { x0: midX, y0: MAX_SHIFT, x1: width - MAX_SHIFT, y1: midY },
    { x0: MAX_SHIFT, y0: midY, x1: midX, y1: height - MAX_SHIFT }, { x0: midX, y0: midY, x1: width - MAX_SHIFT, y1: height - MAX_SHIFT },
  ];
  const shifts = quarters.map((area) => areaShift(a, b, width, area)).filter((shift) => shift !== null);
  const still = shifts.filter((shift) => shift.dx === 0 && shift.dy === 0).length;
  for (const candidate of shifts) {
    const agreeing = shifts.filter((shift) => Math.abs(shift.dx - candidate.dx) <= 1 && Math.abs(shift.dy - candidate.dy) <= 1);
    if (agreeing.length >= 2 && agreeing.length > still) {
      const mean = (values: number[]) => Math.round(values.reduce((total, value) => total + value, 0) / values.length);
      return { dx: mean(agreeing.map((shift) => shift.dx)), dy: mean(agreeing.map((shift) => shift.dy)) };
    }
  }
  return NONE;
}
