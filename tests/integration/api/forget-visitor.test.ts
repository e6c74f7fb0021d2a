import { Readable } from "node:stream";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import { apiVisitor } from "../../support/api-visitor";
import { makeImage, makeVideo } from "../../support/media-fixtures";
import { storedKeys } from "../../support/stored-keys";

const baseUrl = inject("baseUrl");

const deletedCancelled = async () =>
  Number((await getDb().deletedTaskCount.findUnique({ where: { type_status: { type: "thumbnail", status: "cancelled" } } }))?.count ?? 0);

describe("DELETE /api/me", () => {
  it("cancels the visitor's tasks, deletes everything of theirs in every table and in storage, clears the cookie, and leaves others alone", async () => {
    const db = getDb();
    const [videoPath, imagePath] = await Promise.all([makeVideo({ seconds: 1, width: 160, height: 120 }), makeImage({ width: 40, height: 30 })]);
    const visitor = apiVisitor();
    const { body: me } = await visitor.json("/api/me");
    const oldCookie = visitor.cookie()!;
    const [video, image] = (await visitor.upload([{ path: videoPath }, { path: imagePath }])).body.files.map((file: { id: string }) => file.id);
    const createTask = async (inputs: string[]) => (await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs } })).body.task.id as string;
    const [pending, running, completed] = [await createTask([video]), await createTask([image]), await createTask([image])];
    const [job] = await db.$queryRaw<{ id: string }[]>`INSERT INTO pgboss.job (name, data, state, started_on) VALUES ('task-run', ${JSON.stringify({ taskId: running })}::jsonb, 'active', now()) RETURNING id::text`;
    await db.task.update({ where: { id: running }, data: { status: "running", jobId: job!.id, startedAt: new Date() } });
    await db.task.update({ where: { id: completed }, data: { status: "completed", startedAt: new Date(), finishedAt: new Date() } });
    const outputKey = `outputs/${completed}/1-0.webp`;
    await getStorage().put(outputKey, Readable.from([Buffer.from("webp")]));
    await db.file.create({
      data: { visitorId: me.id, origin: "output", taskId: completed, name: "out.webp", size: 4, mime: "image/webp", kind: "image", width: 1, height: 1, storageKey: outputKey, thumbnailKey: `thumbnails/${completed}.webp`, expiresAt: new Date(Date.now() + 3600_000) },
    });
    await getStorage().put(`thumbnails/${completed}.webp`, Readable.from([Buffer.from("thumb")]));
    const previewKey = `previews/forget-${me.id}/before.webp`;
    await getStorage().put(previewKey, Readable.from([Buffer.from("preview")]));
    await db.watermarkPreview.create({ data: { visitorId: me.id, fileId: video, params: {}, atSecond: 0, status: "ready", beforeKey: previewKey, expiresAt: new Date(Date.now() + 3600_000) } });
    await db.storageReservation.create({ data: { id: `upload-${me.id}`, visitorId: me.id, bytes: 100n, expiresAt: new Date(Date.now() + 600_000) } });
    expect((await visitor.json("/api/transfers", { method: "POST" })).status).toBe(201);
    await db.visitorEmail.create({ data: { visitorId: me.id, address: "someone@example.com", locale: "en", origin: baseUrl, confirmed: true, notify: true } });
    await db.emailUnsubscribe.create({ data: { tokenHash: `forget-${me.id}`, visitorId: me.id } });
    await db.pushSubscription.create({ data: { visitorId: me.id, endpoint: `https://push.example.com/${me.id}`, p256dh: "key", auth: "secret", locale: "en", origin: baseUrl } });
    const files = await db.file.findMany({ where: { visitorId: me.id } });
    const keys = [...files.flatMap((file) => [file.storageKey, file.thumbnailKey ?? []].flat()), previewKey];
    const taskIds = [pending, running, completed];
    const stranger = apiVisitor();
    const theirs = (await stranger.upload([{ path: imagePath }])).body.files[0].id;
    const cancelledBefore = await deletedCancelled();

    const response = await visitor.request("/api/me", { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/^clipclean_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax$/);

    // Both active tasks went through the cancel path (the running one's job too) before being deleted.
    expect((await deletedCancelled()) - cancelledBefore).toBe(2);
    const tables = await db.$queryRaw<{ table: string }[]>`
      SELECT table_name AS table FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'visitor_id'`;
    // Every table with a visitor column is checked, including ones added after this test was written.
    expect(tables.map((row) => row.table)).toEqual(
      expect.arrayContaining(["email_unsubscribes", "files", "push_subscriptions", "storage_reservations", "tasks", "transfers", "visitor_emails", "watermark_previews"]),
    );
    for (const { table } of tables) {
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE visitor_id = $1`, me.id);
      expect(row!.n, table).toBe(0);
    }
    const [left] = await db.$queryRaw<{ visitors: number; logs: number; inputs: number; limits: number; jobs: number }[]>`
      SELECT (SELECT count(*)::int FROM visitors WHERE id = ${me.id}) AS visitors,
             (SELECT count(*)::int FROM task_logs WHERE task_id = ANY(${taskIds})) AS logs,
             (SELECT count(*)::int FROM task_inputs WHERE task_id = ANY(${taskIds})) AS inputs,
             (SELECT count(*)::int FROM rate_limits WHERE key LIKE ${`%${me.id}%`}) AS limits,
             (SELECT count(*)::int FROM pgboss.job WHERE data::text LIKE ${`%${me.id}%`} OR data->>'taskId' = ANY(${taskIds})) AS jobs`;
    expect(left).toEqual({ visitors: 0, logs: 0, inputs: 0, limits: 0, jobs: 0 });
    const stored = new Set(await storedKeys(""));
    expect(keys.filter((key) => stored.has(key))).toEqual([]);
    expect(keys.length).toBeGreaterThanOrEqual(5);

    // The old cookie and the cleared one both make a new, empty visitor.
    const after = await visitor.json("/api/me");
    expect(after.body.id).not.toBe(me.id);
    expect(after.body.counts).toEqual({ pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0 });
    const old = await fetch(`${baseUrl}/api/tasks`, { headers: { cookie: oldCookie } });
    expect(await old.json()).toMatchObject({ tasks: [], total: 0 });
    expect((await stranger.json(`/api/files/${theirs}`)).status).toBe(200);
  });
});
