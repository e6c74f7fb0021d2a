/** A small deterministic PRNG (mulberry32), so that a seed always yields the same corpus. */
export type Random = {
  next: () => number;
  int: (maxExclusive: number) => number;
  between: (min: number, max: number) => number;
  pick: <T>(choices: readonly T[]) => T;
  bytes: (count: number) => Buffer;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: (choices) => choices[int(choices.length)]!,
    bytes: (count) => Buffer.from(Array.from({ length: count }, () => int(256))),
  };
}
