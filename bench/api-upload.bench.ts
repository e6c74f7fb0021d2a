/**
 * Uploads one 2 GiB video through POST /api/uploads (multipart) and then through tus in 8 MiB
 * PATCHes, as the New task page sends it, in the same run against the same server. Reports the
 * throughput of each and how much the web server's resident memory grew meanwhile (streaming keeps
 * it flat; buffering would add gigabytes).
 */
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { startBenchServer, type BenchServer } from "./support/bench-server";
import { watchRss } from "./support/watch-rss";

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const TUS_CHUNK_BYTES = 8 * MiB;
const TUS = { "tus-resumable": "1.0.0" };

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

const streamOf = (chunks: AsyncIterable<Buffer>) => Readable.toWeb(Readable.from(chunks)) as ReadableStream<Uint8Array>;

function multipartBody(path: string, boundary: string): ReadableStream<Uint8Array> {
  async function* parts() {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="large.mkv"\r\nContent-Type: video/x-matroska\r\n\r\n`);
    yield* createReadStream(path, { highWaterMark: MiB });
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return streamOf(parts());
}

async function newVisitor(server: BenchServer): Promise<string> {
  const warm = await fetch(`${server.baseUrl}/api/me`);
  await warm.arrayBuffer();
  return warm.headers.get("set-cookie")!.split(";")[0]!;
}

async function sendMultipart(server: BenchServer, cookie: string, video: string) {
  const boundary = "----clipcleanbench";
  const response = await fetch(`${server.baseUrl}/api/uploads`, {
    method: "POST",
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: multipartBody(video, boundary),
    duplex: "half",
  } as RequestInit);
  const body = (await response.json()) as { files?: { size: number; kind: string; mime: string }[] };
  return { status: response.status, file: body.files?.[0] };
}

async function sendTus(server: BenchServer, cookie: string, video: string, size: number) {
  const created = await fetch(`${server.baseUrl}/api/uploads/tus`, {
    method: "POST",
    headers: { ...TUS, cookie, "upload-length": String(size), "upload-metadata": `filename ${Buffer.from("large.mkv").toString("base64")}` },
  });
  const location = created.headers.get("location")!;
  let status = created.status;
  for (let offset = 0; offset < size && status < 300; offset += TUS_CHUNK_BYTES) {
    const end = Math.min(size, offset + TUS_CHUNK_BYTES);
    const response = await fetch(`${server.baseUrl}${location}`, {
      method: "PATCH",
      headers: { ...TUS, cookie, "upload-offset": String(offset), "content-type": "application/offset+octet-stream", "content-length": String(end - offset) },
      body: streamOf(createReadStream(video, { start: offset, end: end - 1, highWaterMark: MiB })),
      duplex: "half",
    } as RequestInit);
    await response.arrayBuffer();
    status = response.status;
  }
  const file = await fetch(`${server.baseUrl}/api/files/${location.split("/").pop()}`, { headers: { cookie } });
  const body = (await file.json()) as { file?: { size: number; kind: string; mime: string } };
  return { status, file: body.file };
}

/** Runs one upload while watching the server's memory. */
async function measure(server: BenchServer, size: number, send: () => Promise<Record<string, unknown>>) {
  const memory = watchRss(server.pid);
  const started = performance.now();
  const result = await send();
  const seconds = (performance.now() - started) / 1000;
  return { ...result, seconds: Number(seconds.toFixed(2)), throughputMBps: Number((size / MiB / seconds).toFixed(1)), ...memory.stop() };
}

export default async function benchUpload() {
  const dir = await mkdtemp(join(tmpdir(), "clipclean-bench-upload-"));
  const server = await startBenchServer({ MAX_UPLOAD_BYTES: String(3 * GiB), MAX_STORED_BYTES_PER_VISITOR: String(8 * GiB) });
  try {
    const video = await makeLargeVideo(dir);
    const size = (await stat(video)).size;
    const multipartCookie = await newVisitor(server);
    const multipart = await measure(server, size, () => sendMultipart(server, multipartCookie, video));
    const tusCookie = await newVisitor(server);
    const tus = await measure(server, size, () => sendTus(server, tusCookie, video, size));
    return { bytes: size, goalRssGrowthMB: 64, multipart, tus: { chunkBytes: TUS_CHUNK_BYTES, ...tus } };
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
