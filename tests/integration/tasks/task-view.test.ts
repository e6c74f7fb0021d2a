/**
 * The Task and File shapes are written once (lib/tasks/task-view.ts, lib/files/file-view.ts) and built
 * in SQL (task-view-sql.ts, file-view-sql.ts): what the SQL builds must pass through the schemas the
 * pages parse with, unchanged (no key dropped, no fallback taken).
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { fileViewSchema } from "@/lib/files/file-view";
import { fileViewSql, getFileView } from "@/lib/files/file-view-sql";
import { getTask } from "@/lib/tasks/get-task";
import { storedTaskViewSchema, taskViewSchema } from "@/lib/tasks/task-view";
import { taskViewSql } from "@/lib/tasks/task-view-sql";

const DAY_MS = 86_400_000;

async function seed() {
  const db = getDb();
  const visitorId = (await db.visitor.create({ data: {} })).id;
  const expiresAt = new Date(Date.now() + 3 * DAY_MS);
  const mask = { width: 4, height: 2, bits: "8w==" };
  const video = await db.file.create({
    data: {
      visitorId, origin: "upload", name: "clip.mp4", size: 123_456n, mime: "video/mp4", kind: "video", width: 640, height: 360,
      durationSec: 12.5, frameRate: 25, videoCodec: "h264", audioCodec: "aac", storageKey: `uploads/${crypto.randomUUID()}`,
      thumbnailKey: "thumbnails/x.webp", expiresAt,
      watermarks: [{ x: 10, y: 12, width: 40, height: 20, confidence: 0.93, fromSecond: null, toSecond: 4.5, mask }],
    },
  });
  const image = await db.file.create({
    data: {
      visitorId, origin: "upload", name: "still.png", size: 99n, mime: "image/png", kind: "image", width: 32, height: 24,
      storageKey: `uploads/${crypto.randomUUID()}`, expiresAt, watermarks: [],
    },
  });
  const pipelineId = crypto.randomUUID();
  const first = await db.task.create({
    data: {
      visitorId, type: "watermark", status: "completed", progress: 100, attempts: 1, pipelineId, step: 0,
      params: { regions: [{ x: 10, y: 12, width: 40, height: 20, confidence: 0.93, fromSecond: null, toSecond: 4.5 }], method: "mask" },
      startedAt: new Date(), finishedAt: new Date(), expiresAt, inputs: { create: [{ position: 0, fileId: video.id }] },
    },
  });
  await db.file.create({
    data: {
      visitorId, origin: "output", taskId: first.id, name: "clip-clean.mp4", size: 100_000n, mime: "video/mp4", kind: "video",
      width: 640, height: 360, durationSec: 12.5, storageKey: `outputs/${first.id}/1-0.mp4`, expiresAt,
    },
  });
  const second = await db.task.create({
    data: {
      visitorId, type: "thumbnail", status: "failed", errorCode: "invalid_input", errorMessage: "not a video", pipelineId, step: 1,
      dependsOn: first.id, params: { width: 64 }, expiresAt,
    },
  });
  const plain = await db.task.create({
    data: { visitorId, type: "merge", params: {}, expiresAt, inputs: { create: [{ position: 0, fileId: video.id }, { position: 1, fileId: image.id }] } },
  });
  return { visitorId, fileIds: [video.id, image.id], taskIds: [first.id, second.id, plain.id] };
}

describe("the Task and File wire shapes", () => {
  it("parse what the SQL builds without changing it", async () => {
    const { visitorId, fileIds, taskIds } = await seed();
    const files = await getDb().$queryRaw<{ file: unknown }[]>`
      SELECT ${fileViewSql("f")} AS file FROM files f WHERE f.visitor_id = ${visitorId}`;
    expect(files).toHaveLength(3);
    for (const { file } of files) expect(fileViewSchema.parse(file)).toEqual(file);
    expect(JSON.stringify(files)).not.toContain("bits");

    const tasks = await getDb().$queryRaw<{ task: unknown }[]>`SELECT ${taskViewSql()} AS task FROM tasks t WHERE t.visitor_id = ${visitorId}`;
    expect(tasks).toHaveLength(3);
    for (const { task } of tasks) expect(storedTaskViewSchema.parse(task)).toEqual(task);

    for (const taskId of taskIds) {
      const task = await getTask({ visitorId, taskId });
      expect(taskViewSchema.parse(task)).toEqual(task);
    }
    for (const fileId of fileIds) {
      const file = await getFileView({ visitorId, fileId });
      expect(fileViewSchema.parse(file)).toEqual(file);
    }
  });
});
