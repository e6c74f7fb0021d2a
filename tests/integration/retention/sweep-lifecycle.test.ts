import { utimes } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { sweepExpiredFiles } from "@/lib/retention/sweep-expired-files";
import { sweepLifecycle } from "@/lib/retention/sweep-lifecycle";
import { getStorage } from "@/lib/storage/get-storage";
import { makeImage } from "../../support/media-fixtures";
import { createVisitor, storeUpload } from "../../support/seed-tasks";

const HOUR_MS = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

let image: string;
beforeAll(async () => {
  image = await makeImage({ width: 64, height: 48 });
});

/** A task row no worker will pick up (no dispatch is sent), with `inputs` in order. */
async function createTask(visitorId: string, data: { status: "pending" | "completed"; inputs: string[]; expiresAt?: Date }) {
  const task = await getDb().task.create({
    data: {
      visitorId, type: "thumbnail", status: data.status, expiresAt: data.expiresAt ?? new Date(Date.now() + 72 * HOUR_MS),
      inputs: { create: data.inputs.map((fileId, position) => ({ fileId, position })) },
      logs: { create: [{ level: "info", message: "queued" }] },
    },
  });
  return task.id;
}

async function storeOutput(visitorId: string, taskId: string) {
  const fileId = await storeUpload(visitorId, image);
  await getDb().file.update({ where: { id: fileId }, data: { origin: "output", taskId } });
  return fileId;
}

const expire = (fileId: string, at = ago(1000)) => getDb().file.update({ where: { id: fileId }, data: { expiresAt: at } });
const bytesOf = async (fileId: string) => getStorage().stat((await getDb().file.findUniqueOrThrow({ where: { id: fileId } })).storageKey);

describe("lifecycle sweep", () => {
  test("keeps an expired file's bytes while a pending task needs them, and removes them once it has finished", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, image);
    const taskId = await createTask(visitorId, { status: "pending", inputs: [fileId] });
    await expire(fileId);

    await sweepExpiredFiles();
    expect(await bytesOf(fileId)).not.toBeNull();
    expect((await getDb().file.findUniqueOrThrow({ where: { id: fileId } })).expiredAt).toBeNull();

    await getDb().task.update({ where: { id: taskId }, data: { status: "completed", finishedAt: new Date() } });
    await sweepExpiredFiles();
    expect(await bytesOf(fileId)).toBeNull();
    expect((await getDb().file.findUniqueOrThrow({ where: { id: fileId } })).expiredAt).toBeInstanceOf(Date);
  });

  test("deletes finished tasks past the grace period with their logs and outputs, then the file rows nothing lists", async () => {
    const db = getDb();
    const visitorId = await createVisitor();
    const uploadId = await storeUpload(visitorId, image);
    const oldTaskId = await createTask(visitorId, { status: "completed", inputs: [uploadId], expiresAt: ago(25 * HOUR_MS) });
    const outputId = await storeOutput(visitorId, oldTaskId);
    const fedOutputTaskId = await createTask(visitorId, { status: "completed", inputs: [uploadId], expiresAt: ago(25 * HOUR_MS) });
    const fedOutputId = await storeOutput(visitorId, fedOutputTaskId);
    const consumerId = await createTask(visitorId, { status: "completed", inputs: [fedOutputId] });
    const recentTaskId = await createTask(visitorId, { status: "completed", inputs: [uploadId], expiresAt: ago(23 * HOUR_MS) });
    for (const fileId of [uploadId, outputId, fedOutputId]) await expire(fileId, ago(25 * HOUR_MS));

    const result = await sweepLifecycle();

    expect(result.deletedTasks).toBeGreaterThanOrEqual(2);
    expect(await db.task.findUnique({ where: { id: oldTaskId } })).toBeNull();
    expect(await db.task.findUnique({ where: { id: fedOutputTaskId } })).toBeNull();
    expect(await db.taskLog.count({ where: { taskId: { in: [oldTaskId, fedOutputTaskId] } } })).toBe(0);
    expect(await db.file.findUnique({ where: { id: outputId } })).toBeNull();
    // The task that read the deleted task's output still lists it, now as the visitor's own file.
    expect(await db.file.findUniqueOrThrow({ where: { id: fedOutputId } })).toMatchObject({ taskId: null, visitorId });
    expect(await db.taskInput.count({ where: { taskId: consumerId, fileId: fedOutputId } })).toBe(1);
    // The upload stays listed by the task still within its grace period.
    expect(await db.task.findUnique({ where: { id: recentTaskId } })).not.toBeNull();
    expect(await db.file.findUnique({ where: { id: uploadId } })).not.toBeNull();

    await db.task.deleteMany({ where: { id: { in: [recentTaskId, consumerId] } } });
    await sweepLifecycle();
    expect(await db.file.count({ where: { id: { in: [uploadId, fedOutputId] } } })).toBe(0);
  });

  test("leaves a finished task alone while its output has not expired", async () => {
    const visitorId = await createVisitor();
    const taskId = await createTask(visitorId, { status: "completed", inputs: [], expiresAt: ago(48 * HOUR_MS) });
    const outputId = await storeOutput(visitorId, taskId);

    await sweepLifecycle();

    expect(await getDb().task.findUnique({ where: { id: taskId } })).not.toBeNull();
    expect(await bytesOf(outputId)).not.toBeNull();
  });

  test("deletes ended rate-limit windows and lapsed upload reservations, keeping live ones", async () => {
    const db = getDb();
    const visitorId = await createVisitor();
    const key = `test:${visitorId}`;
    await db.rateLimit.createMany({ data: [{ key, windowStart: ago(2 * HOUR_MS), count: 5 }, { key, windowStart: ago(60_000), count: 1 }] });
    await db.$executeRaw`INSERT INTO storage_reservations (id, visitor_id, bytes, expires_at) VALUES
      (${`${key}-lapsed`}, ${visitorId}, 100, ${ago(60_000)}), (${`${key}-live`}, ${visitorId}, 100, ${new Date(Date.now() + HOUR_MS)})`;

    expect((await sweepLifecycle()).lapsedRecords).toBeGreaterThanOrEqual(2);

    expect((await db.rateLimit.findMany({ where: { key } })).map((row) => row.count)).toEqual([1]);
    const reservations = await db.$queryRaw<{ id: string }[]>`SELECT id FROM storage_reservations WHERE visitor_id = ${visitorId}`;
    expect(reservations.map((row) => row.id)).toEqual([`${key}-live`]);
  });

  test("deletes visitors unseen for the idle period who have nothing left", async () => {
    const db = getDb();
    const idleEmpty = await createVisitor();
    const idleWithFile = await createVisitor();
    const recentEmpty = await createVisitor();
    await storeUpload(idleWithFile, image);
    await db.visitor.updateMany({ where: { id: { in: [idleEmpty, idleWithFile] } }, data: { lastSeenAt: ago(31 * 24 * HOUR_MS) } });
    await db.visitor.update({ where: { id: recentEmpty }, data: { lastSeenAt: ago(29 * 24 * HOUR_MS) } });

    expect((await sweepLifecycle()).deletedVisitors).toBeGreaterThanOrEqual(1);

    expect(await db.visitor.findUnique({ where: { id: idleEmpty } })).toBeNull();
    expect(await db.visitor.findUnique({ where: { id: idleWithFile } })).not.toBeNull();
    expect(await db.visitor.findUnique({ where: { id: recentEmpty } })).not.toBeNull();
  });

  test("removes old bytes that no file row points at and stale partial writes, never recent ones", async () => {
    const storage = getStorage();
    const visitorId = await createVisitor();
    const keptId = await storeUpload(visitorId, image);
    const kept = await getDb().file.findUniqueOrThrow({ where: { id: keptId } });
    const thumbnailKey = `thumbnails/${keptId}.webp`;
    await storage.put(thumbnailKey, Readable.from([Buffer.from("webp")]));
    await getDb().file.update({ where: { id: keptId }, data: { thumbnailKey } });
    const suffix = Date.now();
    const orphans = [`uploads/orphan-${suffix}`, `outputs/orphan-${suffix}/0-0.mp4`, `thumbnails/orphan-${suffix}.webp`, `uploads/stale-${suffix}.0a1b2c3d.partial`];
    const fresh = [`uploads/fresh-${suffix}`, `uploads/fresh-${suffix}.0a1b2c3d.partial`];
    for (const key of [...orphans, ...fresh]) await storage.put(key, Readable.from([Buffer.from("bytes")]));
    const twoHoursAgo = ago(2 * HOUR_MS);
    // Local disk only: a bucket cannot backdate objects (the s3 project sweeps with a later cut-off instead).
    for (const key of [...orphans, kept.storageKey, thumbnailKey]) await utimes(join(inject("dataDir"), "files", key), twoHoursAgo, twoHoursAgo);

    expect((await sweepLifecycle()).orphans).toBeGreaterThanOrEqual(orphans.length);

    for (const key of orphans) expect(await storage.stat(key), key).toBeNull();
    for (const key of [...fresh, kept.storageKey, thumbnailKey]) expect(await storage.stat(key), key).not.toBeNull();
  });

  test("two sweeps at once share the work without errors", async () => {
    const visitorId = await createVisitor();
    const fileIds = await Promise.all(Array.from({ length: 6 }, () => storeUpload(visitorId, image)));
    for (const fileId of fileIds) await expire(fileId);

    const [first, second] = await Promise.all([sweepLifecycle(), sweepLifecycle()]);

    expect(first.expiredFiles + second.expiredFiles).toBeGreaterThanOrEqual(fileIds.length);
    for (const fileId of fileIds) expect(await bytesOf(fileId)).toBeNull();
  });
});
