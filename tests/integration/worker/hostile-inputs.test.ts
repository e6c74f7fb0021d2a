import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { ffmpegPaths } from "@/lib/media/ffmpeg-paths";
import { jobs } from "@/lib/queue/jobs";
import { getStorage } from "@/lib/storage/get-storage";
import { makeLyingMkv, makeSparseMkv } from "../../support/hostile-media";
import { makeImage, makeVideo } from "../../support/media-fixtures";
import { probeFile, videoStream } from "../../support/probe-file";
import { runTaskToEnd } from "../../support/run-task-to-end";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { withWorker } from "../../support/with-worker";
import { copyOfStored } from "../../support/stored-copy";

const context = withWorker();
const region = { x: 4, y: 4, width: 20, height: 20 };

/** Swaps a stored upload's bytes behind the row's back, as a tampered or corrupted store would. */
async function replaceStoredBytes(fileId: string, bytes: string | Buffer): Promise<void> {
  const file = await getDb().file.findUniqueOrThrow({ where: { id: fileId } });
  await getStorage().put(file.storageKey, Readable.from([Buffer.from(bytes)]));
}

async function countFrames(path: string): Promise<number> {
  const args = ["-v", "error", "-count_packets", "-select_streams", "v:0", "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", path];
  const { stdout } = await promisify(execFile)(ffmpegPaths().ffprobe, args);
  return Number(stdout.trim());
}

async function expectFailedWithoutRetry(task: Awaited<ReturnType<typeof runTaskToEnd>>, code: string) {
  expect(task, task.errorMessage ?? "").toMatchObject({ status: "failed", errorCode: code, attempts: 1 });
  expect(task.outputs).toHaveLength(0);
  expect(task.logs.at(-1)).toMatchObject({ level: "error" });
  const job = await context.boss.getJobById(jobs.taskRun.name, task.jobId!);
  expect(job?.retryCount).toBe(0);
}

describe("the worker re-checks its inputs", () => {
  test("a stored video whose bytes became a playlist fails with invalid_input, reading nothing it names", async () => {
    const visitorId = await createVisitor();
    const clip = await makeVideo({ seconds: 2, width: 320, height: 240 });
    const fileId = await storeUpload(visitorId, clip);
    await replaceStoredBytes(fileId, `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:2.0,\n${clip}\n#EXT-X-ENDLIST\n`);

    for (const type of ["watermark", "thumbnail"] as const) {
      const task = await runTaskToEnd({ visitorId, type, inputs: [fileId], params: type === "watermark" ? { region } : {} });
      await expectFailedWithoutRetry(task, "invalid_input");
      expect(task.errorMessage).not.toContain(clip);
    }
  });

  test("a file recorded as a video whose bytes are an image fails with invalid_input", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 1, width: 64, height: 64 }));
    await replaceStoredBytes(fileId, await readFile(await makeImage({ width: 64, height: 64 })));

    const task = await runTaskToEnd({ visitorId, type: "watermark", inputs: [fileId], params: { region } });
    await expectFailedWithoutRetry(task, "invalid_input");
  });

  test("a video beyond the limits fails with media_limits, whatever its row says", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeLyingMkv(1_000_000));

    const task = await runTaskToEnd({ visitorId, type: "merge", inputs: [fileId, fileId] });
    await expectFailedWithoutRetry(task, "media_limits");
  });
});

describe("lengths the content does not back", () => {
  test("watermark removal encodes the frames there are, never duplicates to fill timestamp gaps", async () => {
    const visitorId = await createVisitor();
    // 26 frames: 25 in the first second and one at 600 s.
    const fileId = await storeUpload(visitorId, await makeSparseMkv(600));

    const task = await runTaskToEnd({ visitorId, type: "watermark", inputs: [fileId], params: { region } });

    expect(task.status, task.errorMessage ?? "").toBe("completed");
    expect(await countFrames(await copyOfStored(task.outputs[0]!.storageKey))).toBe(26);
  });

  test("a merge is as long as the real content, not as the headers claim", async () => {
    const visitorId = await createVisitor();
    const liar = await storeUpload(visitorId, await makeLyingMkv(300)); // one second of 64×64 video claiming 300 s
    const clip = await storeUpload(visitorId, await makeVideo({ seconds: 2, width: 320, height: 240 }));

    const task = await runTaskToEnd({ visitorId, type: "merge", inputs: [liar, clip] });

    expect(task.status, task.errorMessage ?? "").toBe("completed");
    const probe = await probeFile(await copyOfStored(task.outputs[0]!.storageKey));
    expect(videoStream(probe)).toMatchObject({ width: 64, height: 64 });
    expect(Number(probe.format.duration)).toBeGreaterThan(2.8);
    expect(Number(probe.format.duration)).toBeLessThan(3.5);
  });

  test("a stream-copy merge does not open a gap where a header overstates its length", async () => {
    const visitorId = await createVisitor();
    const inputs = [];
    for (const claimed of [300, 120]) inputs.push(await storeUpload(visitorId, await makeLyingMkv(claimed)));

    const task = await runTaskToEnd({ visitorId, type: "merge", inputs });

    expect(task.status, task.errorMessage ?? "").toBe("completed");
    expect(task.logs.map((log) => log.message)).toContain("Merging 2 videos, joining without re-encoding");
    const probe = await probeFile(await copyOfStored(task.outputs[0]!.storageKey));
    expect(Number(probe.format.duration)).toBeGreaterThan(1.8);
    expect(Number(probe.format.duration)).toBeLessThan(2.5);
  });
});
