import { describe, expect, it } from "vitest";
import type { CropPlane } from "@/lib/media/watermarks/restore/crop-layout";
import { fillBox, planBoxFill } from "@/lib/media/watermarks/restore/fill-box";

/** A 24×24 plane with an 8×8 box in its middle: the ring around the box is 50, the box's column 2 a bright 200. */
const plane: CropPlane = { offset: 0, width: 24, height: 24, box: { x: 8, y: 8, width: 8, height: 8 } };
const values = Uint8Array.from({ length: 24 * 24 }, (_, index) => {
  const x = index % 24;
  const y = Math.floor(index / 24);
  const inBox = x >= 8 && x < 16 && y >= 8 && y < 16;
  return inBox ? (x === 10 ? 200 : 0) : 50;
});
const column2 = Array.from({ length: 64 }, (_, index) => index % 8 === 2);

describe("the fill of a box", () => {
  it("reads the ring only, when no box pixel shows the picture", () => {
    const out = fillBox(planBoxFill(plane, { weighting: "near", diagonals: false }, null), values, new Float32Array(64));
    expect(Math.max(...out)).toBeCloseTo(50, 3);
    expect(Math.min(...out)).toBeCloseTo(50, 3);
  });

  it("reads the box pixels that show the picture, nearest first: a bright stripe the ring does not show continues beside it", () => {
    const fill = planBoxFill(plane, { weighting: "near", diagonals: false }, column2);
    const out = fillBox(fill, values, new Float32Array(64));
    // The pixel beside the stripe (x 3, y 4): the stripe one pixel to its left, the ring 4–5 pixels off elsewhere.
    expect(out[4 * 8 + 3]).toBeGreaterThan(170);
    expect(fill.reach[4 * 8 + 3]).toBe(1);
    // Far from the stripe, the ring weighs more again.
    expect(out[4 * 8 + 7]).toBeLessThan(out[4 * 8 + 3]! - 60);
    // The stripe's own pixels are filled from their neighbours in the row (the ring) and column (the stripe).
    expect(out[4 * 8 + 2]).toBeGreaterThan(100);
  });

  it("with the diagonals, carries a slanting line across the box where the straight ways blur it", () => {
    // A bright line x − y = 0 through a ring of 50 (the box's own pixels unknown).
    const slanting = Uint8Array.from({ length: 24 * 24 }, (_, index) => (index % 24 === Math.floor(index / 24) ? 200 : 50));
    const straight = fillBox(planBoxFill(plane, { weighting: "near", diagonals: false }, null), slanting, new Float32Array(64));
    const diagonal = fillBox(planBoxFill(plane, { weighting: "near", diagonals: true }, null), slanting, new Float32Array(64));
    // On the line, in the box's middle (x 4, y 4): the straight ways never meet it (50), two diagonals do (74).
    expect(straight[4 * 8 + 4]).toBeLessThan(55);
    expect(diagonal[4 * 8 + 4]).toBeGreaterThan(70);
    // Off the line the diagonal fill stays near the ring's 50.
    expect(diagonal[4 * 8 + 0]).toBeLessThan(100);
    // Every fill meets the ring: weights sum to one.
    const flat = fillBox(planBoxFill(plane, { weighting: "smooth", diagonals: true }, null), new Uint8Array(24 * 24).fill(77), new Float32Array(64));
    expect(Math.min(...flat)).toBeCloseTo(77, 3);
    expect(Math.max(...flat)).toBeCloseTo(77, 3);
  });
});
