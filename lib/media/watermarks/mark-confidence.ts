import type { Box } from "./bitmap";
import type { ActiveArea } from "./overlay-evidence";
import type { StayEvidence } from "./overlay-stays";

/** Informative frame pairs needed for full trust: fewer leave the share of pairs it stayed in to chance. */
const FULL_EVIDENCE_PAIRS = 8;
/** The share of the timeline informative pairs must span for full trust. */
const FULL_SPREAD = 0.6;
/** Marks sit near an edge of the picture; a candidate whose box keeps this share of the picture from every edge is in the centre. */
const EDGE_BAND = 0.25;
const CENTRE_PRIOR = 0.75;

/** 1 near an edge of the picture, lower in its centre (where faces and subjects are). */
function placementPrior(box: Box, active: ActiveArea): number {
  const width = active.x1 - active.x0 + 1;
  const height = active.y1 - active.y0 + 1;
  const nearX = Math.min(box.x0 - active.x0, active.x1 - box.x1) < EDGE_BAND * width;
  const nearY = Math.min(box.y0 - active.y0, active.y1 - box.y1) < EDGE_BAND * height;
  return nearX || nearY ? 1 : CENTRE_PRIOR;
}

/**
 * How sure a candidate is a mark (0–1, two decimals): the share of informative frame pairs its edges
 * stayed in (to the power 1.5: scene content that holds still half the time stays below 0.5),
 * scaled down when few pairs were informative or they span little of the video, and in the centre
 * of the picture.
 */
export function markConfidence(stays: StayEvidence, box: Box, active: ActiveArea): number {
  if (stays.informative === 0) return 0;
  const share = stays.stayed / stays.informative;
  const reliability = Math.min(1, stays.informative / FULL_EVIDENCE_PAIRS, stays.spread / FULL_SPREAD);
  return Math.round(share ** 1.5 * reliability * placementPrior(box, active) * 100) / 100;
}
