import { describe, expect, it } from "vitest";
import { cropLayout, cropPlanes, yuv420Bytes, type CropLayout } from "@/lib/media/watermarks/restore/crop-layout";
import { addCropFrame, emptyCropStats } from "@/lib/media/watermarks/restore/estimate-matte";
import { fillBox, planBoxFill, type FillScheme } from "@/lib/media/watermarks/restore/fill-box";
import { restoreFrame } from "@/lib/media/watermarks/restore/restore-frame";
import { chooseRestoringMatte } from "@/lib/media/watermarks/restore/restoring-matte";

const FRAME = { width: 96, height: 96 };
/** A 32×32 box with a 16×16 square mark, half opaque and white, in its middle. */
const layout: CropLayout = cropLayout({ x: 32, y: 32, width: 32, height: 32 }, FRAME);
const MARK = { x0: 8, y0: 8, x1: 24, y1: 24, alpha: 0.5, white: 235 };

/** A seeded generator (mulberry32), so that the noise is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Crop frames (yuv420p, grey chroma) of a picture `background(x, y, frame)` with the mark laid over the
 * box, and the same without it; each with its own `noise` added after the mark, as two encodings of
 * the same picture differ.
 */
function cropFrames(count: number, background: (x: number, y: number, frame: number) => number, noise: () => number = () => 0): { marked: Uint8Array[]; clean: Uint8Array[] } {
  const { crop, box } = layout;
  const marked: Uint8Array[] = [];
  const clean: Uint8Array[] = [];
  for (let frame = 0; frame < count; frame += 1) {
    const picture = new Uint8Array(yuv420Bytes(crop)).fill(128);
    const withMark = new Uint8Array(picture.length).fill(128);
    for (let y = 0; y < crop.height; y += 1) {
      for (let x = 0; x < crop.width; x += 1) {
        const value = background(crop.x + x, crop.y + y, frame);
        const boxX = crop.x + x - box.x;
        const boxY = crop.y + y - box.y;
        const underMark = boxX >= MARK.x0 && boxX < MARK.x1 && boxY >= MARK.y0 && boxY < MARK.y1;
        const level = (shade: number) => Math.min(255, Math.max(0, Math.round(shade + noise())));
        picture[y * crop.width + x] = level(value);
        withMark[y * crop.width + x] = level(underMark ? MARK.alpha * MARK.white + (1 - MARK.alpha) * value : value);
      }
    }
    marked.push(withMark);
    clean.push(picture);
  }
  return { marked, clean };
}

/** Restores every frame with the matte chosen from them; returns the matte's luma opacity and the mean squared luma error inside the mark. */
async function restore(frames: { marked: Uint8Array[]; clean: Uint8Array[] }) {
  const stats = emptyCropStats(yuv420Bytes(layout.crop));
  const planes = cropPlanes(layout);
  for (const frame of frames.marked) addCropFrame(stats, planes, frame);
  const matte = await chooseRestoringMatte(layout, stats, async function* () {
    yield* frames.marked;
  });
  const { box, crop } = layout;
  const out = new Uint8Array(yuv420Bytes(box));
  let squares = 0;
  let count = 0;
  frames.marked.forEach((frame, index) => {
    restoreFrame(matte, frame, out, new Float32Array(box.width * box.height));
    for (let y = MARK.y0; y < MARK.y1; y += 1) {
      for (let x = MARK.x0; x < MARK.x1; x += 1) {
        const truth = frames.clean[index]![(box.y - crop.y + y) * crop.width + (box.x - crop.x + x)]!;
        squares += (out[y * box.width + x]! - truth) ** 2;
        count += 1;
      }
    }
  });
  return { alpha: matte.planes[0]!.alpha, error: squares / count };
}

const centre = (MARK.y0 + 8) * layout.box.width + MARK.x0 + 8;

describe("restore's choice between inverting the mark and filling from the ring", () => {
  it("inverts a half-opaque mark over a textured picture panning under it, far closer to the picture than any fill", async () => {
    const texture = (x: number, y: number) => 110 + 45 * Math.sin(x / 2.3) * Math.cos(y / 3.1) + 30 * Math.sin((x + 2 * y) / 5.7);
    const frames = cropFrames(48, (x, y, frame) => texture(x + 3 * frame, y + frame));
    const { alpha, error } = await restore(frames);
    expect(alpha[centre]).toBeGreaterThan(0.35);
    expect(alpha[centre]).toBeLessThan(0.65);
    const fillOnly = await restoreFillOnly(frames);
    expect(Math.sqrt(error)).toBeLessThan(Math.sqrt(fillOnly) / 3);
  });

  it("fills a mark over a flat picture with encoding noise instead of inverting it, which would double the noise", async () => {
    const uniform = random(7);
    // Uniform noise of ±10 levels: 5.8 levels standard deviation.
    const noise = () => 20 * (uniform() - 0.5);
    const frames = cropFrames(48, (x, y) => 90 + 4 * Math.sin(x / 20) + 3 * Math.cos(y / 25), noise);
    const { alpha, error } = await restore(frames);
    expect(Number.isNaN(alpha[centre])).toBe(true);
    // The pixel beside the mark is filled too (a real mark's soft edge would stay as a dotted outline); further out the picture is kept.
    const row = (MARK.y0 + 8) * layout.box.width;
    expect(Number.isNaN(alpha[row + MARK.x0 - 1])).toBe(true);
    expect(alpha[row + MARK.x0 - 4]).toBe(0);
    // Against another encoding of the picture, inverting a half-opaque mark errs by √5 × 5.8 ≈ 13 levels; a fill by about the noise.
    expect(Math.sqrt(error)).toBeLessThan(1.5 * 5.8);
  });

  it("fills a mark where one thing moves past it in a still scene, whose matte the frames cannot tell", async () => {
    const uniform = random(11);
    const noise = () => 6 * (uniform() - 0.5);
    // A dark ball crosses the box's lower half in most frames; the rest of the picture holds still, so
    // the spread under the box is uneven (its 10th percentile 0.13 of its 90th).
    const ball = (x: number, y: number, frame: number) => (frame % 12 < 8 && (x - (28 + 5 * (frame % 12))) ** 2 + (y - 58) ** 2 < 64 ? 60 : 0);
    const frames = cropFrames(48, (x, y, frame) => 90 + 10 * Math.sin(x / 9) - ball(x, y, frame), noise);
    const { error } = await restore(frames);
    const fillOnly = await restoreFillOnly(frames);
    // Inverting with the guessed matte errs by 16.6 levels here; the fill by 12.7.
    expect(Math.sqrt(error)).toBeLessThan(1.2 * Math.sqrt(fillOnly));
  });
});

describe("restore over a still picture, where the frames cannot tell the mark", () => {
  it("fills a flat picture the smooth way, which averages out the ring's noise", async () => {
    const { alpha, error, near, smooth } = await restoreStill((x, y) => 100 + 0.2 * x - 0.1 * y, 5);
    expect(Number.isNaN(alpha[centre])).toBe(true);
    // Filled the near way it errs by 1.86 levels² here, the smooth way 1.58 (before rounding to whole levels).
    expect(error).toBeLessThan(0.92 * near);
    expect(error).toBeLessThan(1.1 * smooth);
  });

  it("carries an edge of the picture into the box the near way", async () => {
    // A dark and a light half meet at x = 45, inside the box, and a light stripe crosses it lower down.
    const { alpha, error, near, smooth } = await restoreStill((x, y) => (x < 45 ? 60 : 160) + (y >= 50 && y < 54 ? 50 : 0), 3);
    expect(Number.isNaN(alpha[centre])).toBe(true);
    // The smooth way blurs the stripe and the edge's end: 884 levels² against the near way's 545.
    expect(error).toBeLessThan(0.7 * smooth);
    expect(error).toBeLessThan(1.1 * near);
  });
});

/**
 * 24 frames of a still `picture` with uniform noise of ±2 levels (1.2 levels standard deviation, less
 * than compression noise) restored, beside the box filled the near and the smooth way along four ways.
 */
async function restoreStill(picture: (x: number, y: number) => number, seed: number) {
  const uniform = random(seed);
  const frames = cropFrames(24, picture, () => 4 * (uniform() - 0.5));
  const { alpha, error } = await restore(frames);
  const near = await restoreFillOnly(frames, { weighting: "near", diagonals: false });
  const smooth = await restoreFillOnly(frames, { weighting: "smooth", diagonals: false });
  return { alpha, error, near, smooth };
}

/** The mean squared luma error inside the mark when the whole box is filled from the ring. */
async function restoreFillOnly(frames: { marked: Uint8Array[]; clean: Uint8Array[] }, scheme: FillScheme = { weighting: "near", diagonals: false }): Promise<number> {
  const [luma] = cropPlanes(layout);
  const plan = planBoxFill(luma!, scheme, null);
  const { box, crop } = layout;
  const fill = new Float32Array(box.width * box.height);
  let squares = 0;
  let count = 0;
  frames.marked.forEach((frame, index) => {
    fillBox(plan, frame, fill);
    for (let y = MARK.y0; y < MARK.y1; y += 1) {
      for (let x = MARK.x0; x < MARK.x1; x += 1) {
        squares += (fill[y * box.width + x]! - frames.clean[index]![(box.y - crop.y + y) * crop.width + (box.x - crop.x + x)]!) ** 2;
        count += 1;
      }
    }
  });
  return squares / count;
}
