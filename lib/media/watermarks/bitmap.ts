/** A binary image, one byte a pixel (0 or 1), row by row. */
export type Bitmap = { width: number; height: number; bits: Uint8Array };
export type Box = { x0: number; y0: number; x1: number; y1: number };

/** Every pixel within `radius` (a square) of a set pixel, set: joins the strokes of a word or a logo. */
export function dilate(map: Bitmap, radius: number): Bitmap {
  const { width, height, bits } = map;
  const rows = new Uint8Array(bits.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!bits[y * width + x]) continue;
      for (let dx = Math.max(0, x - radius); dx <= Math.min(width - 1, x + radius); dx += 1) rows[y * width + dx] = 1;
    }
  }
  const out = new Uint8Array(bits.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!rows[y * width + x]) continue;
      for (let dy = Math.max(0, y - radius); dy <= Math.min(height - 1, y + radius); dy += 1) out[dy * width + x] = 1;
    }
  }
  return { width, height, bits: out };
}

/** The 4-connected components of the set pixels, each as its pixel indices. */
export function label(map: Bitmap): number[][] {
  const { width, height, bits } = map;
  const seen = new Uint8Array(bits.length);
  const components: number[][] = [];
  for (let start = 0; start < bits.length; start += 1) {
    if (!bits[start] || seen[start]) continue;
    const pixels: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const index = stack.pop() as number;
      pixels.push(index);
      const x = index % width;
      const y = (index - x) / width;
      const neighbours = [x > 0 ? index - 1 : -1, x < width - 1 ? index + 1 : -1, y > 0 ? index - width : -1, y < height - 1 ? index + width : -1];
      for (const next of neighbours) {
        if (next < 0 || !bits[next] || seen[next]) continue;
        seen[next] = 1;
        stack.push(next);
      }
    }
    components.push(pixels);
  }
  return components;
}

export function boundingBox(pixels: number[], width: number): Box {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const index of pixels) {
    const x = index % width;
    const y = (index - x) / width;
    box.x0 = Math.min(box.x0, x);
    box.x1 = Math.max(box.x1, x);
    box.y0 = Math.min(box.y0, y);
    box.y1 = Math.max(box.y1, y);
  }
  return box;
}

/** The part of `map` inside `box`, with enclosed holes filled (the inside of an outlined logo is logo too). */
export function cropFilled(map: Bitmap, box: Box): Bitmap {
  const width = box.x1 - box.x0 + 1;
  const height = box.y1 - box.y0 + 1;
  const bits = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) bits[y * width + x] = map.bits[(y + box.y0) * map.width + x + box.x0] ?? 0;
  }
  // Background is what the crop's border reaches without crossing a set pixel; everything else is filled.
  const outside = new Uint8Array(bits.length);
  const stack: number[] = [];
  const reach = (index: number) => {
    if (bits[index] || outside[index]) return;
    outside[index] = 1;
    stack.push(index);
  };
  for (let x = 0; x < width; x += 1) [x, (height - 1) * width + x].forEach(reach);
  for (let y = 0; y < height; y += 1) [y * width, y * width + width - 1].forEach(reach);
  while (stack.length > 0) {
    const index = stack.pop() as number;
    const x = index % width;
    if (x > 0) reach(index - 1);
    if (x < width - 1) reach(index + 1);
    if (index >= width) reach(index - width);
    if (index + width < bits.length) reach(index + width);
  }
  return { width, height, bits: outside.map((value) => 1 - value) };
}

/** A bitmap packed 8 pixels a byte, as base64 (masks are kept in the file's row). */
export function packBits(map: Bitmap): string {
  const packed = new Uint8Array(Math.ceil(map.bits.length / 8));
  map.bits.forEach((bit, index) => {
    if (bit) packed[index >> 3] = (packed[index >> 3] ?? 0) | (1 << (index & 7));
  });
  return Buffer.from(packed).toString("base64");
}

export function unpackBits(packed: string, width: number, height: number): Bitmap {
  const bytes = Buffer.from(packed, "base64");
  const bits = new Uint8Array(width * height).map((_, index) => ((bytes[index >> 3] ?? 0) >> (index & 7)) & 1);
  return { width, height, bits };
}

/**
 * Components that sit side by side on one line (the words of a handle or URL), joined: of similar
 * height, overlapping vertically by most of the shorter one's height, with a gap under a line's height.
 */
export function joinLines(components: number[][], width: number): number[][] {
  const boxes = components.map((pixels) => boundingBox(pixels, width));
  const parent = components.map((_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index]!)));
  boxes.forEach((a, i) => {
    boxes.forEach((b, j) => {
      if (j <= i) return;
      const heightA = a.y1 - a.y0 + 1;
      const heightB = b.y1 - b.y0 + 1;
      const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + 1;
      const gap = Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1) - 1;
      const similar = Math.max(heightA, heightB) <= 2 * Math.min(heightA, heightB);
      if (similar && overlap >= 0.6 * Math.min(heightA, heightB) && gap <= 0.8 * Math.max(heightA, heightB)) parent[root(j)] = root(i);
    });
  });
  const joined = new Map<number, number[]>();
  components.forEach((pixels, index) => {
    const key = root(index);
    joined.set(key, [...(joined.get(key) ?? []), ...pixels]);
  });
  return [...joined.values()];
}
