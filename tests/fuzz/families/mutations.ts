import type { BaseFile, BaseMedia } from "../base-media";
import type { CorpusItem } from "../corpus-item";
import type { Random } from "../seeded-random";

type Mutation = (bytes: Buffer, random: Random) => Buffer;

function flipBits(count: number, withinHeader: boolean): Mutation {
  return (bytes, random) => {
    const copy = Buffer.from(bytes);
    const span = withinHeader ? Math.min(copy.length, 512) : copy.length;
    for (let flip = 0; flip < count; flip += 1) {
      const at = random.int(span);
      copy[at] = copy[at]! ^ (1 << random.int(8));
    }
    return copy;
  };
}

/** Mutations that keep a file recognisable while breaking what is inside it. */
const mutations: Record<string, Mutation> = {
  "flip-1": flipBits(1, false),
  "flip-16": flipBits(16, false),
  "flip-256": flipBits(256, false),
  "flip-header-8": flipBits(8, true),
  "truncate-half": (bytes, random) => bytes.subarray(0, Math.max(1, Math.floor(bytes.length * (0.3 + random.next() * 0.4)))),
  "truncate-head": (bytes, random) => bytes.subarray(0, random.between(8, Math.min(bytes.length, 600))),
  "truncate-tail": (bytes, random) => bytes.subarray(0, bytes.length - random.between(1, 64)),
  "cut-middle": (bytes, random) => {
    const at = random.int(bytes.length);
    return Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + random.between(1, 4096)))]);
  },
  "repeat-chunk": (bytes, random) => {
    const at = random.int(bytes.length);
    const chunk = bytes.subarray(at, at + random.between(16, 2048));
    return Buffer.concat([bytes.subarray(0, at), chunk, chunk, chunk, bytes.subarray(at)]);
  },
  "overwrite-ff": (bytes, random) => {
    const copy = Buffer.from(bytes);
    const at = random.int(copy.length);
    copy.fill(random.pick([0x00, 0xff]), at, Math.min(copy.length, at + random.between(4, 256)));
    return copy;
  },
  "random-tail": (bytes, random) => Buffer.concat([bytes, random.bytes(random.between(1, 8192))]),
  "shuffle-blocks": (bytes, random) => {
    const size = Math.max(16, Math.ceil(bytes.length / 8));
    const blocks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => bytes.subarray(index * size, (index + 1) * size));
    for (let swap = 0; swap < 3; swap += 1) {
      const [a, b] = [1 + random.int(blocks.length - 1), 1 + random.int(blocks.length - 1)];
      [blocks[a], blocks[b]] = [blocks[b]!, blocks[a]!];
    }
    return Buffer.concat(blocks);
  },
};

const extension = (file: BaseFile) => (file.format === "jpg" ? "jpg" : file.format);

/** Bit-flipped, truncated and spliced copies of every base clip and picture: anything but a 5xx or a hang. */
export function mutationItems(base: BaseMedia, random: Random, count: number): CorpusItem[] {
  const kinds = Object.keys(mutations);
  return Array.from({ length: count }, (_, index) => {
    const file = base.files[index % base.files.length]!;
    const kind = kinds[Math.floor(index / base.files.length) % kinds.length]!;
    return {
      id: `mutation-${file.format}-${kind}-${index}`, family: "mutation", name: `clip.${extension(file)}`, mime: file.mime, expect: "any",
      bytes: mutations[kind]!(file.bytes, random),
    };
  });
}
