import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { jobs } from "@/lib/queue/jobs";
import { makeImage, makeVideo } from "../../support/media-fixtures";
import { runTaskToEnd } from "../../support/run-task-to-end";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { waitFor } from "../../support/wait-for";
import { withOwnDatabase } from "../../support/own-database";
import { withWorker } from "../../support/with-worker";
import { copyOfStored } from "../../support/stored-copy";

// Its own database: the upload preview it waits for must not queue behind the previews and analyses
// of every other upload of the run.
withOwnDatabase();
const context = withWorker();

describe("thumbnail task", () => {
  test("takes a video frame at atSecond (clamped to the duration) and sizes the WebP, aspect kept", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 2, width: 320, height: 240 }));

    const task = await runTaskToEnd({ visitorId, type: "thumbnail", inputs: [fileId], params: { width: 160, atSecond: 30 } });

    expect(task.status, task.errorMessage ?? "").toBe("completed");
    const output = task.outputs[0]!;
    expect(output).toMatchObject({ kind: "image", mime: "image/webp", width: 160, height: 120 });
    const meta = await sharp(await copyOfStored(output.storageKey)).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 160, height: 120 });
    const stats = await sharp(await copyOfStored(output.storageKey)).stats();
    expect(stats.channels[0]!.stdev).toBeGreaterThan(5);
  });

  test("resizes an image through sharp", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeImage({ width: 640, height: 480 }));

    const task = await runTaskToEnd({ visitorId, type: "thumbnail", inputs: [fileId], params: { width: 64 } });

    expect(task.status, task.errorMessage ?? "").toBe("completed");
    const meta = await sharp(await copyOfStored(task.outputs[0]!.storageKey)).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 64, height: 48 });
  });
});

describe("corrupt input", () => {
  test("fails at once with invalid_input, no retry and no output", async () => {
    const visitorId = await createVisitor();
    const garbage = join(tmpdir(), `corrupt-${Date.now()}.mp4`);
    await writeFile(garbage, Buffer.alloc(64 * 1024, 7));
    const fileId = await storeUpload(visitorId, garbage, { corrupt: true });

    const task = await runTaskToEnd({
      visitorId, type: "watermark", inputs: [fileId], params: { region: { x: 0, y: 0, width: 10, height: 10 } },
    });

    expect(task).toMatchObject({ status: "failed", errorCode: "invalid_input", attempts: 1 });
    expect(task.outputs).toHaveLength(0);
    expect(task.logs.at(-1)).toMatchObject({ level: "error" });
    const job = await context.boss.getJobById(jobs.taskRun.name, task.jobId!);
    expect(job?.retryCount).toBe(0);
  });
});

describe("upload thumbnails", () => {
  test("every uploaded file gets a 256 px WebP preview", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 2, width: 320, height: 240 }));
    await context.boss.send(jobs.fileThumbnail.name, { fileId });

    const file = await waitFor(async () => {
      const row = await getDb().file.findUniqueOrThrow({ where: { id: fileId } });
      return row.thumbnailKey !== null && row;
    }, { what: "the upload thumbnail" });

    const meta = await sharp(await copyOfStored(file.thumbnailKey!)).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 256, height: 192 });
  });
});
