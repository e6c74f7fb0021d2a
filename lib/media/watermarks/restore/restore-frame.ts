import { fillBox } from "./fill-box";
import { NOISE, type Matte, type PlaneMatte } from "./estimate-matte";

/** How far off an estimated opacity typically is (against the true matte of real footage: 0.003–0.07). */
const ALPHA_ERROR = 0.03;
/**
 * Distance (pixels) from the nearest pixel a fill reads at which it strays as far as the ring's texture
 * over its measuring lag (4 px): on real footage a fill strays about twice as fast as the ring's
 * differences suggest.
 */
const FILL_REACH = 2;

/**
 * One plane's box restored: where the mark is semi-transparent, the blend inverted (B = (I − αW)/(1−α))
 * and mixed with the spatial fill by their expected errors (Wiener-style): inverting multiplies the
 * noise and the opacity's error by 1/(1−α), while a fill strays as far as the picture varies beside the
 * part of the ring it reads, over the distance to the nearest pixel it reads. Unmarked pixels are kept;
 * where the frames told nothing, the fill is used.
 */
function restorePlane(matte: PlaneMatte, frame: Uint8Array, out: Uint8Array, outOffset: number, fillBuffer: Float32Array): void {
  const { plane } = matte.fill;
  const { box } = plane;
  const fill = fillBox(matte.fill, frame, fillBuffer);
  for (let y = 0; y < box.height; y += 1) {
    for (let x = 0; x < box.width; x += 1) {
      const index = y * box.width + x;
      const observed = frame[plane.offset + (plane.box.y + y) * plane.width + plane.box.x + x]!;
      const alpha = matte.alpha[index]!;
      let value = observed;
      if (Number.isNaN(alpha)) value = fill[index]!;
      else if (alpha > 0) {
        const transparency = Math.max(1e-3, 1 - alpha);
        const inverted = (observed - alpha * matte.color[index]!) / transparency;
        const colourGap = ALPHA_ERROR * (matte.color[index]! - matte.backgroundMean[index]!);
        const inversionError = (NOISE * NOISE + colourGap * colourGap) / (transparency * transparency);
        const reach = matte.fill.reach[index]! / FILL_REACH;
        const fillError = NOISE * NOISE + matte.fillTexture[index]! * reach;
        const weight = fillError / (fillError + inversionError);
        value = weight * inverted + (1 - weight) * fill[index]!;
      }
      out[outOffset + index] = Math.min(255, Math.max(0, Math.round(value)));
    }
  }
}

/** A crop frame's box restored into `out`, a yuv420p frame of the box's size. */
export function restoreFrame(matte: Matte, frame: Uint8Array, out: Uint8Array, fillBuffer: Float32Array): void {
  let offset = 0;
  for (const plane of matte.planes) {
    restorePlane(plane, frame, out, offset, fillBuffer);
    offset += plane.fill.plane.box.width * plane.fill.plane.box.height;
  }
}

/** A crop frame's box copied unchanged into `out` (frames outside the region's time span). */
export function copyBox(matte: Matte, frame: Uint8Array, out: Uint8Array): void {
  let offset = 0;
  for (const { fill } of matte.planes) {
    const { plane } = fill;
    for (let y = 0; y < plane.box.height; y += 1) {
      const start = plane.offset + (plane.box.y + y) * plane.width + plane.box.x;
      out.set(frame.subarray(start, start + plane.box.width), offset + y * plane.box.width);
    }
    offset += plane.box.width * plane.box.height;
  }
}
