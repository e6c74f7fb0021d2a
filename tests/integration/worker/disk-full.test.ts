import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { makeVideo } from "../../support/media-fixtures";
import { waitForTaskEnd } from "../../support/run-task-to-end";
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from "../../support/small-disk";
import { spawnWorker, type WorkerProcess } from "../../support/spawn-worker";
import { storageOfDataDir, storedKeys } from "../../support/stored-keys";
import { waitFor } from "../../support/wait-for";
import { startWebServer, type WebServer } from "../../support/web-server";

const unavailable = smallDiskUnavailable();

/** Everything under `dir`, as paths relative to it (empty when it does not exist). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/**
 * Marks every file not yet analysed for watermarks as having none, so the analysis jobs queued by this
 * run's uploads (this file's and earlier files') finish at once: they would otherwise decode videos into
 * the small disk while a test fills it.
 */
async function skipWatermarkAnalyses(): Promise<void> {
  await getDb().$executeRaw`UPDATE files SET watermarks = '[]'::jsonb WHERE watermarks IS NULL`;
}

describe.skipIf(unavailable)(`a task on a full disk (${unavailable ?? "on a 32 MiB tmpfs"})`, () => {
  let disk: SmallDisk;
  let server: WebServer;
  let worker: WorkerProcess | undefined;
  const env = () => ({ DATABASE_URL: inject("databaseUrl"), DATA_DIR: disk.dir, SESSION_SECRET: "test-session-secret-that-is-at-least-32-characters" });

  beforeAll(async () => {
    disk = mountSmallDisk(32);
    server = await startWebServer({ ...env(), MIN_FREE_DISK_BYTES: "0" });
  });
  afterAll(async () => {
    await worker?.stop();
    await server?.stop();
    disk?.unmount();
  });

  /** A visitor of the small-disk server with two uploaded clips, their previews made. */
  async function visitorWithClips(): Promise<{ visitor: ApiVisitor; inputs: string[] }> {
    const visitor = apiVisitor({ baseUrl: server.baseUrl });
    const clip = await makeVideo({ seconds: 4, width: 480, height: 360 });
    const { status, body } = await visitor.upload([{ path: clip }, { path: clip }]);
    expect(status).toBe(201);
    const inputs: string[] = body.files.map((file: { id: string }) => file.id);
    await skipWatermarkAnalyses();
    await waitFor(async () => (await getDb().file.count({ where: { id: { in: inputs }, thumbnailKey: { not: null } } })) === inputs.length, {
      what: "the upload previews",
    });
    return { visitor, inputs };
  }

  it("fails a task whose output hits a full disk with storage_full, keeps no partial output, and works again once space is freed", { timeout: 180_000 }, async () => {
    await skipWatermarkAnalyses();
    worker = await spawnWorker({ ...env(), NODE_ENV: "test", MIN_FREE_DISK_BYTES: "0" });
    const { visitor, inputs } = await visitorWithClips();
    const filler = await disk.fill(32 * 1024);

    const created = await visitor.json("/api/tasks", { method: "POST", body: { type: "merge", inputs } });
    expect(created.status).toBe(202);
    const task = await waitForTaskEnd(created.body.task.id);

    expect(task.status).toBe("failed");
    expect(task.errorCode).toBe("storage_full");
    expect(task.outputs).toEqual([]);
    expect(await storedKeys(`outputs/${task.id}/`, storageOfDataDir(disk.dir))).toEqual([]);
    expect(await filesUnder(join(disk.dir, "tmp"))).toEqual([]);
    const { body } = await visitor.json(`/api/tasks/${task.id}`);
    expect(body.task.error).toEqual({ code: "storage_full", message: "The server is out of storage space right now. Please try again later." });

    await rm(filler);
    const clip = await makeVideo({ seconds: 1 });
    expect((await visitor.upload([{ path: clip }])).status).toBe(201);
    const retried = await visitor.json(`/api/tasks/${task.id}/retry`, { method: "POST" });
    expect(retried.status).toBe(202);
    expect((await waitForTaskEnd(task.id)).status).toBe("completed");
  });

  it("fails a task at once with storage_full while free space is under the worker's floor", { timeout: 180_000 }, async () => {
    await worker?.stop();
    await skipWatermarkAnalyses();
    worker = await spawnWorker({ ...env(), NODE_ENV: "test", MIN_FREE_DISK_BYTES: String(1024 ** 5) });
    const { visitor, inputs } = await visitorWithClips();

    const created = await visitor.json("/api/tasks", { method: "POST", body: { type: "merge", inputs } });
    const task = await waitForTaskEnd(created.body.task.id);

    expect(task.status).toBe("failed");
    expect(task.errorCode).toBe("storage_full");
    expect(task.outputs).toEqual([]);
    expect(task.logs.some((log) => log.message.includes("Running again"))).toBe(false);
  });
});
