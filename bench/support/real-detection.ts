import { markFound } from "./mark-found";
import { mean, round } from "./measure";

type Rect = { x: number; y: number; width: number; height: number };
type Region = Rect & { confidence: number };

/** Detection over a set of clips: a table row per clip and the totals the goals are stated in. */
export function detectionTally() {
  const rows: (string | number)[][] = [["clip", "marks found", "confidence of found", "extra regions", "clean: regions", "clean: max conf"]];
  const totals = { clips: 0, marks: 0, found: 0, extra: 0, cleanWithAny: 0, cleanAtLeast08: 0, foundConfidences: [] as number[] };
  return {
    /** One clip: the regions found on its marked and on its clean version, against its marks' true boxes. */
    add(name: string, truths: Rect[], marked: Region[], clean: Region[]): void {
      const foundConfidences = truths.map((truth) => Math.max(0, ...marked.filter((region) => markFound(truth, region)).map((region) => region.confidence)));
      const found = foundConfidences.filter((confidence) => confidence > 0).length;
      const extra = marked.filter((region) => !truths.some((truth) => markFound(truth, region))).length;
      const cleanMax = Math.max(0, ...clean.map((region) => region.confidence));
      totals.clips += 1;
      totals.marks += truths.length;
      totals.found += found;
      totals.extra += extra;
      totals.cleanWithAny += clean.length > 0 ? 1 : 0;
      totals.cleanAtLeast08 += cleanMax >= 0.8 ? 1 : 0;
      totals.foundConfidences.push(...foundConfidences.filter((confidence) => confidence > 0));
      rows.push([name, `${found}/${truths.length}`, foundConfidences.map((c) => round(c, 2)).join(" "), extra, clean.length, round(cleanMax, 2)]);
    },
    table(): (string | number)[][] {
      return [...rows, ["total", `${totals.found}/${totals.marks}`, `mean ${round(mean(totals.foundConfidences), 2)}`, totals.extra, `${totals.cleanWithAny}/${totals.clips} clips`, `${totals.cleanAtLeast08} ≥ 0.8`]];
    },
    summary() {
      return {
        marksFound: `${totals.found}/${totals.marks} (${round((100 * totals.found) / Math.max(1, totals.marks), 1)} %)`,
        extraRegions: totals.extra,
        cleanClipsWithAnyRegion: `${totals.cleanWithAny}/${totals.clips}`,
        cleanClipsWithRegionAtLeast08: totals.cleanAtLeast08,
      };
    },
  };
}
