import { intersectionOverUnion, overlapArea } from "../../tests/support/watermark-clips";

type Rect = { x: number; y: number; width: number; height: number };

/** A region finds a mark when it overlaps the true box by IoU ≥ 0.5, or covers ≥ 90 % of it while at most 3× its area. */
export function markFound(truth: Rect, region: Rect): boolean {
  if (intersectionOverUnion(truth, region) >= 0.5) return true;
  const covered = overlapArea(truth, region) / (truth.width * truth.height);
  return covered >= 0.9 && region.width * region.height <= 3 * truth.width * truth.height;
}
