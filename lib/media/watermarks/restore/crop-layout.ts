// Where restore reads and writes: the mark's box widened to even pixels (yuv420p chroma is halved),
// inside a crop that adds a ring of background around it, which the fill and the matte learn from.

export type Rect = { x: number; y: number; width: number; height: number };

/** The crop read around a box, and the box (frame pixels, even) that is written back. */
export type CropLayout = { crop: Rect; box: Rect };

/** One plane of a yuv420p crop: where it starts in the frame bytes, its size, and the box inside it. */
export type CropPlane = { offset: number; width: number; height: number; box: Rect };

/** Pixels of background read on each side of the box. */
export const RING_PIXELS = 8;

const floorEven = (value: number) => value - (value % 2);
const ceilEven = (value: number) => value + (value % 2);

export function cropLayout(region: Rect, frame: { width: number; height: number }): CropLayout {
  const frameWidth = floorEven(frame.width);
  const frameHeight = floorEven(frame.height);
  const left = Math.min(floorEven(Math.max(0, Math.round(region.x))), frameWidth - 2);
  const top = Math.min(floorEven(Math.max(0, Math.round(region.y))), frameHeight - 2);
  const right = Math.max(left + 2, Math.min(frameWidth, ceilEven(Math.round(region.x + region.width))));
  const bottom = Math.max(top + 2, Math.min(frameHeight, ceilEven(Math.round(region.y + region.height))));
  const cropLeft = Math.max(0, left - RING_PIXELS);
  const cropTop = Math.max(0, top - RING_PIXELS);
  const cropRight = Math.min(frameWidth, right + RING_PIXELS);
  const cropBottom = Math.min(frameHeight, bottom + RING_PIXELS);
  return {
    crop: { x: cropLeft, y: cropTop, width: cropRight - cropLeft, height: cropBottom - cropTop },
    box: { x: left, y: top, width: right - left, height: bottom - top },
  };
}

/** The Y, U and V planes of one crop frame, each with the box in its own pixels. */
export function cropPlanes({ crop, box }: CropLayout): CropPlane[] {
  const lumaBox = { x: box.x - crop.x, y: box.y - crop.y, width: box.width, height: box.height };
  const chroma = (offset: number): CropPlane => ({
    offset,
    width: crop.width / 2,
    height: crop.height / 2,
    box: { x: lumaBox.x / 2, y: lumaBox.y / 2, width: lumaBox.width / 2, height: lumaBox.height / 2 },
  });
  const lumaBytes = crop.width * crop.height;
  return [{ offset: 0, width: crop.width, height: crop.height, box: lumaBox }, chroma(lumaBytes), chroma(lumaBytes * 1.25)];
}

/** Bytes of one yuv420p frame of the given size. */
export const yuv420Bytes = (rect: { width: number; height: number }) => rect.width * rect.height * 1.5;
