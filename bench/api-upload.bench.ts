/**
 * Uploads one 2 GiB video through POST /api/uploads and reports throughput and how much the web
 * server's resident memory grew meanwhile (streaming keeps it flat; buffering would add gigabytes).
 */
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { startBenchServer } from "./support/bench-server";
import { processRss, processTreeRss } from "./support/process-rss";

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** A real, decodable video of about 2 GiB: uncompressed 720p frames in Matroska. */
async function makeLargeVideo(dir: string): Promise<string> {
  const path = join(dir, "large.mkv");
  const frameBytes = 1280 * 720 * 1.5;
  const frames = Math.ceil((2 * GiB) / frameBytes);
  await promisify(execFile)("ffmpeg", [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25",
    "-frames:v", String(frames), "-c:v", "rawvideo", "-pix_fmt", "yuv420p", path,
  ]);
  return path;
}

function multipartBody(path: string, boundary: string): ReadableStream<Uint8Array> {
  async function* parts() {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="large.mkv"\r\nContent-Type: video/x-matroska\r\n\r\n`);
    yield* createReadStream(path, { highWaterMark: MiB });
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return Readable.toWeb(Readable.from(parts())) as ReadableStream<Uint8Array>;
}

export default async function benchUpload() {
  const dir = await mkdtemp(join(tmpdir(), "clipclean-bench-upload-"));
  const server = await startBenchServer({ MAX_UPLOAD_BYTES: String(3 * GiB), MAX_STORED_BYTES_PER_VISITOR: String(8 * GiB) });
  try {
    const video = await makeLargeVideo(dir);
    const size = (await stat(video)).size;
    const warm = await fetch(`${server.baseUrl}/api/me`);
    const cookie = warm.headers.get("set-cookie")!.split(";")[0]!;
    await warm.arrayBuffer();
    const baseline = processTreeRss(server.pid);
    const baselineOwn = processRss(server.pid);
    let peak = baseline;
    let peakOwn = baselineOwn;
    const timeline: number[] = []; // the server process's RSS once a second, MB
    let ticks = 0;
    const sampler = setInterval(() => {
      if (ticks++ % 20 === 0) timeline.push(Math.round(processRss(server.pid) / MiB));
      peak = Math.max(peak, processTreeRss(server.pid));
      peakOwn = Math.max(peakOwn, processRss(server.pid));
    }, 50);
    const boundary = "----clipcleanbench";
    const started = performance.now();
    const response = await fetch(`${server.baseUrl}/api/uploads`, {
      method: "POST",
      headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
      body: multipartBody(video, boundary),
      duplex: "half",
    } as RequestInit);
    const body = (await response.json()) as { files?: { size: number; kind: string; mime: string }[] };
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, processTreeRss(server.pid));
    return {
      status: response.status,
      file: body.files?.[0],
      bytes: size,
      seconds: Number(seconds.toFixed(2)),
      throughputMBps: Number((size / MiB / seconds).toFixed(1)),
      serverRssBaselineMB: Number((baseline / MiB).toFixed(1)),
      serverRssPeakMB: Number((peak / MiB).toFixed(1)),
      // Includes children, such as the ffprobe that checks the upload.
      serverTreeRssGrowthMB: Number(((peak - baseline) / MiB).toFixed(1)),
      serverProcessRssGrowthMB: Number(((peakOwn - baselineOwn) / MiB).toFixed(1)),
      goalRssGrowthMB: 64,
      serverProcessRssEverySecondMB: timeline,
    };
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
