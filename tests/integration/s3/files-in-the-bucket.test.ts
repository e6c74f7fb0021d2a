import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor } from "../../support/api-visitor";
import { makeVideo } from "../../support/media-fixtures";
import { waitForTaskEnd } from "../../support/run-task-to-end";
import { storedKeys } from "../../support/stored-keys";
import { waitFor } from "../../support/wait-for";
import { withWorker } from "../../support/with-worker";

const context = withWorker();

/** Every file under `dir`, relative to it (none when it does not exist). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

describe("with STORAGE_DRIVER=s3", () => {
  test("the worker says it uses the bucket", () => {
    const { S3_ENDPOINT, S3_BUCKET } = inject("storageEnv");
    expect(context.worker.output()).toContain(`, storage s3 ${S3_ENDPOINT} bucket ${S3_BUCKET}\n`);
  });

  test("an upload, its preview, a task and its download all go through the bucket, and nothing stays on local disk", async () => {
    const visitor = apiVisitor();
    const clip = await makeVideo({ seconds: 2, width: 320, height: 240 });
    const uploaded = await visitor.upload([{ path: clip }]);
    expect(uploaded.status).toBe(201);
    const fileId: string = uploaded.body.files[0].id;
    const { storageKey } = await waitFor(async () => {
      const row = await getDb().file.findUniqueOrThrow({ where: { id: fileId } });
      return row.thumbnailKey !== null && row;
    }, { what: "the upload's preview" });
    expect(await storedKeys(storageKey)).toEqual([storageKey]);

    const created = await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [fileId], params: { width: 64 } } });
    const task = await waitForTaskEnd(created.body.task.id);
    expect(task.status, task.errorMessage ?? "").toBe("completed");
    expect(await storedKeys(`outputs/${task.id}/`)).toEqual([task.outputs[0]!.storageKey]);

    const original = await readFile(clip);
    const whole = await visitor.request(`/api/files/${fileId}/content`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(original);
    const part = await visitor.request(`/api/files/${fileId}/content`, { headers: { range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${original.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(original.subarray(100, 200));
    expect((await apiVisitor().request(`/api/files/${fileId}/content`)).status).toBe(404); // another visitor

    const dataDir = inject("dataDir");
    expect(await filesUnder(join(dataDir, "files"))).toEqual([]);
    // This upload's staged bytes and the task's fetched input are removed as soon as they are in the bucket or
    // used. (A staging file is named after its key; other test files upload and run tasks at the same time.)
    const ours = [storageKey, task.outputs[0]!.storageKey].map((key) => key.split("/").pop()!);
    expect((await filesUnder(join(dataDir, "tmp"))).filter((path) => path.includes("staging") && ours.some((key) => path.endsWith(key)))).toEqual([]);
  });
});
