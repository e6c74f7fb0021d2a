import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { makeHugeVideo, makeLyingMkv, writeHugePng, writeLivePlaylist, writeLocalFileReferences } from "../../support/hostile-media";
import { makeVideo } from "../../support/media-fixtures";
import { descendantCommands, peakMemoryBytes } from "../../support/process-children";
import { waitFor } from "../../support/wait-for";
import { storedKeys } from "../../support/stored-keys";

const webServerPid = inject("webServerPid");

const UNSUPPORTED = {
  en: "This file is not a video or image we can read.",
  zh: "无法识别该文件，它不是我们能读取的视频或图片。",
};
const BEYOND_LIMITS = {
  en: "This file is beyond what we process: videos up to 4 hours and 33.2 megapixels per frame, images up to 50 megapixels.",
  zh: "该文件超出了处理范围：视频最长 4 小时、每帧最多 33.2 百万像素，图片最多 50 百万像素。",
};

const storedUploads = () => storedKeys("uploads/");

/** One file as a multipart upload; a request that hangs fails the test instead of waiting for its timeout. */
async function upload(visitor: ApiVisitor, path: string, name = basename(path)) {
  const form = new FormData();
  form.append("file", new Blob([await readFile(path)]), name);
  const response = await visitor.request("/api/uploads", { method: "POST", body: form, signal: AbortSignal.timeout(15_000) });
  return { status: response.status, body: await response.json() };
}

async function visitorFileCount(visitor: ApiVisitor): Promise<number> {
  const { body: me } = await visitor.json("/api/me");
  return getDb().file.count({ where: { visitorId: me.id } });
}

let clip: string;

beforeAll(async () => {
  clip = await makeVideo({ seconds: 2, width: 320, height: 240 });
});

describe("hostile uploads", () => {
  it("refuses a live HLS playlist at once and leaves no ffprobe running", async () => {
    const playlist = await writeLivePlaylist("holiday.mp4");
    const { status, body } = await upload(apiVisitor(), playlist);
    expect(status).toBe(415);
    expect(body.error).toMatchObject({ code: "unsupported_media", message: UNSUPPORTED.en });
    const tools = await descendantCommands(webServerPid);
    expect(tools.filter((name) => /ffprobe|ffmpeg/.test(name))).toEqual([]);
  });

  for (const locale of ["en", "zh"] as const) {
    it(`refuses playlists that point at a file on the server, whatever their name (${locale})`, async () => {
      const before = await storedUploads();
      for (const path of await writeLocalFileReferences(clip)) {
        for (const name of [basename(path), "playlist.m3u8"]) {
          const visitor = apiVisitor({ locale });
          const { status, body } = await upload(visitor, path, name);
          expect(status, `${path} as ${name}`).toBe(415);
          expect(body.error).toMatchObject({ code: "unsupported_media", message: UNSUPPORTED[locale] });
          expect(await visitorFileCount(visitor)).toBe(0);
        }
      }
      expect(await storedUploads()).toEqual(before);
    });
  }

  it("judges a huge image by its header, without decoding it in the web server", async () => {
    const png = await writeHugePng(16_383);
    const peakBefore = await peakMemoryBytes(webServerPid);
    for (const locale of ["en", "zh"] as const) {
      const visitor = apiVisitor({ locale });
      const { status, body } = await upload(visitor, png);
      expect(status).toBe(422);
      expect(body.error).toEqual({ code: "media_limits", field: "pixels", message: BEYOND_LIMITS[locale] });
      expect(await visitorFileCount(visitor)).toBe(0);
    }
    // Decoding 16383×16383 pixels takes hundreds of MB; reading the header takes next to nothing.
    expect((await peakMemoryBytes(webServerPid)) - peakBefore).toBeLessThan(100 * 1024 * 1024);
  });

  for (const locale of ["en", "zh"] as const) {
    it(`refuses videos whose headers declare too long a duration or too large a frame (${locale})`, async () => {
      const before = await storedUploads();
      const cases = [
        { path: await makeLyingMkv(1_000_000), field: "duration" },
        { path: await makeHugeVideo(8192), field: "dimensions" },
      ];
      for (const { path, field } of cases) {
        const visitor = apiVisitor({ locale });
        const { status, body } = await upload(visitor, path);
        expect(status, path).toBe(422);
        expect(body.error).toEqual({ code: "media_limits", field, message: BEYOND_LIMITS[locale] });
        expect(await visitorFileCount(visitor)).toBe(0);
      }
      expect(await storedUploads()).toEqual(before);
      await waitFor(async () => !(await descendantCommands(webServerPid)).includes("ffprobe"), { what: "no ffprobe left" });
    });
  }

  it("accepts a video whose declared length is within the limits, as declared", async () => {
    const { status, body } = await upload(apiVisitor(), await makeLyingMkv(3_600));
    expect(status).toBe(201);
    expect(body.files[0]).toMatchObject({ kind: "video", mime: "video/x-matroska", width: 64, height: 64, durationSec: 3600 });
  });
});
