import { baseMedia } from "./base-media";
import type { CorpusItem, Family } from "./corpus-item";
import { lyingHeaderItems } from "./families/lying-headers";
import { mutationItems } from "./families/mutations";
import { nameItems } from "./families/names";
import { playlistItems } from "./families/playlists";
import { polyglotItems } from "./families/polyglots";
import { trivialItems } from "./families/trivial";
import { knownAttacks } from "./known-attacks";
import { seededRandom } from "./seeded-random";

export type { CorpusItem, Expectation, Family } from "./corpus-item";

/** How many items of each family the full corpus holds (the known attacks come on top). */
export const FAMILY_SIZES: Record<Family, number> = { playlist: 180, polyglot: 96, mutation: 396, "lying-header": 150, trivial: 70, name: 124 };

export const DEFAULT_SEED = 20_261_122;

/**
 * The full hostile corpus: the same items, byte for byte, for the same seed on the same ffmpeg and sharp —
 * except the absolute paths of this run's base folder that the local-file attacks point at. Base clips are
 * made once per process; everything else derives from them and the seeded PRNG.
 */
export async function generateCorpus({ seed = DEFAULT_SEED }: { seed?: number } = {}): Promise<CorpusItem[]> {
  const base = await baseMedia();
  const random = seededRandom(seed);
  return [
    ...(await knownAttacks(base)),
    ...playlistItems(base, random, FAMILY_SIZES.playlist),
    ...polyglotItems(base, random, FAMILY_SIZES.polyglot),
    ...mutationItems(base, random, FAMILY_SIZES.mutation),
    ...(await lyingHeaderItems(base, random, FAMILY_SIZES["lying-header"])),
    ...trivialItems(random, FAMILY_SIZES.trivial),
    ...nameItems(base, random, FAMILY_SIZES.name),
  ];
}

const kindOf = (item: CorpusItem) => item.id.replace(/-\d+$/, "");

/** `count` members spread over their kinds: evenly spaced kinds when there are many, round-robin when few. */
function spread(members: CorpusItem[], count: number): CorpusItem[] {
  const kinds = [...new Set(members.map(kindOf))];
  const ofKind = (kind: string) => members.filter((item) => kindOf(item) === kind);
  if (kinds.length >= count) return Array.from({ length: count }, (_, index) => ofKind(kinds[Math.floor((index * kinds.length) / count)]!)[0]!);
  const picked: CorpusItem[] = [];
  for (let round = 0; picked.length < count && round < members.length; round += 1) {
    for (const kind of kinds) {
      const item = ofKind(kind)[round];
      if (item && picked.length < count) picked.push(item);
    }
  }
  return picked;
}

/** A fixed, stratified sample: every known attack plus `perFamily` items of each family, spread over its kinds. */
export function sampleCorpus(corpus: CorpusItem[], perFamily = 13): CorpusItem[] {
  const families = [...new Set(corpus.map((item) => item.family))];
  return [
    ...corpus.filter((item) => item.knownAttack),
    ...families.flatMap((family) => spread(corpus.filter((item) => item.family === family && !item.knownAttack), perFamily)),
  ];
}
