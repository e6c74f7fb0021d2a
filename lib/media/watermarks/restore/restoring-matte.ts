import type { CropLayout } from "./crop-layout";
import { estimateMatte, fillingFromBare, NOISE, type CropStats, type Matte } from "./estimate-matte";
import { fillBox, planBoxFill, type BoxFill, type FillScheme } from "./fill-box";
import { restoreFrame } from "./restore-frame";

/**
 * Background spread (8-bit luma levels, median over the box) below which the frames cannot tell the
 * mark from the picture: a still camera over a still scene. The box is filled from the ring there.
 */
const MIN_MOTION = 3;

const NEAR: FillScheme = { weighting: "near", diagonals: false };
const SMOOTH: FillScheme = { weighting: "smooth", diagonals: false };
/** The fill that averages the most ring pixels: the ring's statistics are read with it (see chooseRestoringMatte). */
const SMOOTH_EIGHT_WAYS: FillScheme = { weighting: "smooth", diagonals: true };
/** The ways of filling a box that restore judges between (see fill-box.ts). */
const SCHEMES: FillScheme[] = [NEAR, SMOOTH, { ...NEAR, diagonals: true }, SMOOTH_EIGHT_WAYS];

/**
 * The matte as estimated, or over a still picture (the frames say nothing about the mark) every box
 * pixel left to the fill from the ring, which on real footage does better than delogo there (a
 * screencast's handle over a gradient: 22.2 → 31.1 dB).
 */
function restoringMatte(matte: Matte): Matte {
  return matte.motion < MIN_MOTION ? stillMatte(matte) : matte;
}

/** The matte with every box pixel left to the fill. */
function stillMatte(matte: Matte): Matte {
  return { ...matte, planes: matte.planes.map((plane, index) => fillingFromBare({ ...plane, alpha: new Float32Array(plane.alpha.length).fill(Number.NaN) }, index)) };
}

/**
 * How a still picture's box is filled: where the ring varies less than the compression noise, the fill
 * errs by the ring's noise, which the smooth fill along all eight ways averages out (a phone's icon over
 * a still sky 47.7 → 48.6 dB, delogo 48.3; the ball room's handle over a wall 45.9 → 47.3); elsewhere
 * "near" along the four straight ways, which carries an interface's edges into the box (a CJK handle
 * over a still desktop: 31.3 dB, 22.7 with the diagonals, 22.2 smooth).
 */
function stillFill(matte: Matte): FillScheme {
  const { fillTexture } = matte.planes[0]!;
  const texture = fillTexture.reduce((total, value) => total + value, 0) / Math.max(1, fillTexture.length);
  return texture < NOISE * NOISE ? SMOOTH_EIGHT_WAYS : NEAR;
}

/** Box pixels the mark leaves bare (a share of the box) needed to judge the fills by: fewer say too little. */
const MIN_BARE_SHARE = 0.05;
/** Frames the fills are judged on at most (spread over the region's frames). */
const JUDGED_FRAMES = 240;

/** At most JUDGED_FRAMES of the `frameCount` frames, evenly spread. */
async function* judgedFrames(frames: AsyncIterable<Uint8Array>, frameCount: number): AsyncGenerator<Uint8Array> {
  const every = Math.max(1, Math.floor(frameCount / JUDGED_FRAMES));
  let seen = 0;
  for await (const frame of frames) if (seen++ % every === 0) yield frame;
}

/**
 * The fill that strays least from the picture where it can be seen: in every judged frame, each way of
 * filling the luma box from the ring is compared with the box pixels the matte shows bare (between a
 * handle's letters, around an icon), which are the picture itself. "near" when too few are bare.
 */
async function bestFill(matte: Matte, frames: AsyncIterable<Uint8Array>, frameCount: number): Promise<FillScheme> {
  const { plane } = matte.planes[0]!.fill;
  const { alpha } = matte.planes[0]!;
  const bare: [number, number][] = [];
  for (let y = 0; y < plane.box.height; y += 1) {
    for (let x = 0; x < plane.box.width; x += 1) {
      const index = y * plane.box.width + x;
      if (alpha[index] === 0) bare.push([index, plane.offset + (plane.box.y + y) * plane.width + plane.box.x + x]);
    }
  }
  if (bare.length < MIN_BARE_SHARE * alpha.length) return NEAR;
  const plans = SCHEMES.map((scheme): BoxFill => planBoxFill(plane, scheme, null));
  const errors = SCHEMES.map(() => 0);
  const buffer = new Float32Array(alpha.length);
  for await (const frame of judgedFrames(frames, frameCount)) {
    plans.forEach((plan, scheme) => {
      const fill = fillBox(plan, frame, buffer);
      for (const [index, at] of bare) errors[scheme]! += (fill[index]! - frame[at]!) ** 2;
    });
  }
  return SCHEMES[errors.indexOf(Math.min(...errors))]!;
}

/**
 * Inverting the blend is kept only where it leaves the mark's outline this much less visible than
 * the fill does: where the two come out alike, the fill does not multiply the picture's noise (a
 * night sky under an icon: 35.3 dB inverted, 37.4 filled, outline steps 39.8 and 39.3).
 */
const INVERTING_GAIN = 0.9;

/**
 * The matte restore works with (see restoringMatte). The ring's statistics are read with the smooth
 * fill along eight ways (less of each ring pixel's noise reaches the background it predicts, so the
 * matte, which box pixels it leaves bare to judge the fills by, and whether the picture moves rest on
 * steadier figures: the uploaded night city's icon 37.0 → 37.8 dB against four ways); over a still
 * picture the box is filled (see stillFill); elsewhere each frame's fill is the way that strays least where the mark leaves the picture bare, and
 * the marked pixels are filled instead of inverted where inverting does not leave the mark's outline
 * clearly less visible. That judgement also covers one thing moving in a still scene (a ball past a
 * fixed camera, a phone's text over a still street), where the ring cannot say how much each pixel
 * under the mark moves and the matte is guesswork: the fill is chosen there, which does at least as
 * well as delogo on real footage. `frames` gives the frames the matte was learnt from again.
 */
export async function chooseRestoringMatte(layout: CropLayout, stats: CropStats, frames: () => AsyncIterable<Uint8Array>): Promise<Matte> {
  const estimated = estimateMatte(layout, stats, SMOOTH_EIGHT_WAYS);
  if (estimated.motion < MIN_MOTION) return stillMatte(estimateMatte(layout, stats, stillFill(estimated)));
  const scheme = await bestFill(estimated, frames(), stats.frames);
  const matte = scheme === SMOOTH_EIGHT_WAYS ? estimated : restoringMatte(estimateMatte(layout, stats, scheme));
  const filled = filledMatte(matte);
  const [inverting, filling] = await outlineSteps([matte, filled], frames(), stats.frames, layout);
  return inverting! < INVERTING_GAIN * filling! ? matte : withEdgeFilled(filled);
}

/** The matte with the marked pixels left to the fill (bare ones kept). */
function filledMatte(matte: Matte): Matte {
  return { ...matte, planes: matte.planes.map((plane) => ({ ...plane, alpha: plane.alpha.map((value) => (value > 0 ? Number.NaN : value)) })) };
}

/**
 * A filled matte with the bare pixels beside the filled ones filled too: a mark's soft edge is fainter
 * than the opacity the frames can tell (MIN_ALPHA) and would stay as a dotted outline around the fill
 * (the uploaded night city's icon: 37.4 → 37.9 dB). Chosen after the outline is judged, which needs
 * those pixels as they are.
 */
function withEdgeFilled(filled: Matte): Matte {
  return {
    ...filled,
    planes: filled.planes.map((plane, planeIndex) => {
      const { width, height } = plane.fill.plane.box;
      const filledAt = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && Number.isNaN(plane.alpha[y * width + x]!);
      const alpha = plane.alpha.map((value, index) => {
        const x = index % width;
        const y = Math.floor(index / width);
        return filledAt(x - 1, y) || filledAt(x + 1, y) || filledAt(x, y - 1) || filledAt(x, y + 1) ? Number.NaN : value;
      });
      return fillingFromBare({ ...plane, alpha }, planeIndex);
    }),
  };
}

/**
 * How visible the mark's outline stays after each matte's restore: the mean squared luma step between
 * a marked pixel and a bare neighbour (the picture itself), over judged frames. A restore that gets
 * the mark wrong leaves its outline (a brighter or darker shape); a good one continues the picture.
 */
async function outlineSteps(mattes: Matte[], frames: AsyncIterable<Uint8Array>, frameCount: number, layout: CropLayout): Promise<number[]> {
  const { alpha } = mattes[0]!.planes[0]!;
  const { width, height } = layout.box;
  const pairs: [number, number][] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      if (!(alpha[index]! > 0)) continue;
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < width && ny < height && alpha[ny * width + nx] === 0) pairs.push([index, ny * width + nx]);
      }
    }
  }
  const steps = mattes.map(() => 0);
  if (pairs.length === 0) return steps;
  const out = new Uint8Array(width * height * 1.5);
  const buffer = new Float32Array(width * height);
  let judged = 0;
  for await (const frame of judgedFrames(frames, frameCount)) {
    judged += 1;
    mattes.forEach((matte, which) => {
      restoreFrame(matte, frame, out, buffer);
      for (const [marked, bare] of pairs) steps[which]! += (out[marked]! - out[bare]!) ** 2;
    });
  }
  return steps.map((total) => total / pairs.length / Math.max(1, judged));
}
