import { mkdtemp, open, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { imageIsComplete } from "@/lib/media/image-is-complete";
import { sniffMedia, type ImageFormat } from "@/lib/media/sniff-media";

async function encoded(format: ImageFormat): Promise<Buffer> {
  const image = sharp({ create: { width: 96, height: 64, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } });
  return image.toFormat(format).toBuffer();
}

async function complete(bytes: Buffer, format: ImageFormat): Promise<boolean> {
  const path = join(await mkdtemp(join(tmpdir(), "clipclean-image-")), `image.${format}`);
  await writeFile(path, bytes);
  const file = await open(path, "r");
  try {
    return await imageIsComplete(file, format, bytes.length);
  } finally {
    await file.close();
  }
}

describe("imageIsComplete", () => {
  test.each(["jpeg", "png", "webp", "gif", "avif"] as const)("accepts a whole %s and refuses it cut in half", async (format) => {
    const bytes = await encoded(format);
    expect(sniffMedia(bytes)).toEqual({ kind: "image", format });
    expect(await complete(bytes, format)).toBe(true);
    expect(await complete(bytes.subarray(0, Math.floor(bytes.length / 2)), format)).toBe(false);
  });

  test("tolerates a few bytes some writers append after the end marker", async () => {
    const jpeg = await encoded("jpeg");
    expect(await complete(Buffer.concat([jpeg, Buffer.alloc(32)]), "jpeg")).toBe(true);
  });
});
