import { randomBytes } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sweepLifecycle } from "@/lib/retention/sweep-lifecycle";
import { apiVisitor } from "../../support/api-visitor";
import { TEST_MAX_UPLOAD_BYTES } from "../../support/test-limits";
import { tusRequests } from "../../support/tus-requests";
import { waitFor } from "../../support/wait-for";
import { startWebServer, type WebServer } from "../../support/web-server";

/** Short enough for a test to wait out (7.2 s), long enough for each step before it. */
const UPLOAD_EXPIRY_HOURS = "0.002";

let first: WebServer;
let second: WebServer;

beforeAll(async () => {
  const env = {
    DATABASE_URL: inject("databaseUrl"),
    DATA_DIR: inject("dataDir"),
    SESSION_SECRET: process.env.SESSION_SECRET!,
    MAX_UPLOAD_BYTES: String(TEST_MAX_UPLOAD_BYTES),
    UPLOAD_EXPIRY_HOURS,
  };
  [first, second] = await Promise.all([startWebServer(env), startWebServer(env)]);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

const uploadPath = (id: string) => join(inject("dataDir"), "tus", id);

/** A body that sends `head` at once and then nothing until `end()` (a client whose network died). */
function stalledBody(head: Uint8Array) {
  let end = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
      end = () => controller.close();
    },
  });
  return { body, end: () => end() };
}

describe("resumable uploads across two web processes", () => {
  it("serialises PATCHes to one upload: a second one on another process waits until the stalled first has let go", async () => {
    const bytes = randomBytes(1024 * 1024);
    const owner = apiVisitor({ baseUrl: first.baseUrl });
    const created = await tusRequests(owner).create({ length: bytes.length });
    const location = created.headers.get("location")!;
    const id = location.split("/").pop()!;
    const head = bytes.subarray(0, 64 * 1024);
    const stalled = stalledBody(head);
    let firstSettled = false;
    const firstPatch = owner
      .request(location, {
        method: "PATCH",
        headers: { "tus-resumable": "1.0.0", "upload-offset": "0", "content-type": "application/offset+octet-stream" },
        body: stalled.body,
        duplex: "half",
      } as RequestInit)
      .catch((error: unknown) => error)
      .finally(() => (firstSettled = true));
    await waitFor(async () => (await stat(uploadPath(id))).size === head.length, { what: "the first PATCH's bytes" });

    // The same visitor through the other process, after its connection seemed to die: it goes on from the offset.
    const twin = tusRequests(apiVisitor({ baseUrl: second.baseUrl, cookie: owner.cookie() }));
    const next = bytes.subarray(head.length, head.length + 4096);
    const secondPatch = await twin.patch(location, head.length, next);

    expect(secondPatch.status).toBe(204);
    // Without a lock shared by the processes the second PATCH would have written beside the open first one.
    expect(firstSettled).toBe(true);
    expect(secondPatch.headers.get("upload-offset")).toBe(String(head.length + next.length));
    expect((await readFile(uploadPath(id))).equals(Buffer.concat([head, next]))).toBe(true);
    const stale = await twin.patch(location, 0, bytes.subarray(0, 4096));
    expect(stale.status).toBe(409);
    stalled.end();
    await firstPatch;
  });

  it("expires an unfinished upload UPLOAD_EXPIRY_HOURS after its last byte, and the sweep removes it", async () => {
    const tus = tusRequests(apiVisitor({ baseUrl: first.baseUrl }));
    const created = await tus.create({ length: 10_000 });
    const location = created.headers.get("location")!;
    const id = location.split("/").pop()!;
    const firstExpiry = Date.parse(created.headers.get("upload-expires")!);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const patched = await tus.patch(location, 0, randomBytes(1000));
    expect(Date.parse(patched.headers.get("upload-expires")!)).toBeGreaterThan(firstExpiry);

    await waitFor(async () => (await tus.head(location)).status === 404, { timeoutMs: 30_000, what: "the upload to expire" });
    expect((await tus.patch(location, 1000, randomBytes(1000))).status).toBe(404);
    const live = (await tus.create({ length: 10_000 })).headers.get("location")!;
    const { expiredUploads } = await sweepLifecycle();

    expect(expiredUploads).toBeGreaterThanOrEqual(1);
    expect(await readdir(join(inject("dataDir"), "tus"))).toContain(live.split("/").pop());
    expect(await readdir(join(inject("dataDir"), "tus"))).not.toContain(id);
    expect(await readdir(join(inject("dataDir"), "tus"))).not.toContain(`${id}.json`);
  });
});
