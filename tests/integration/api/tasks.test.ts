import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { getStorage } from "@/lib/storage/get-storage";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { makeImage, makeVideo } from "../../support/media-fixtures";

let videoPath: string;
let imagePath: string;

beforeAll(async () => {
  [videoPath, imagePath] = await Promise.all([makeVideo({ seconds: 2, width: 320, height: 240 }), makeImage({ width: 100, height: 80 })]);
});

async function visitorWithFiles(locale?: "en" | "zh") {
  const visitor = apiVisitor({ locale });
  const { body } = await visitor.upload([{ path: videoPath }, { path: videoPath }, { path: imagePath }]);
  const [video, otherVideo, image] = body.files.map((file: { id: string }) => file.id) as [string, string, string];
  return { visitor, video, otherVideo, image };
}

const createTask = (visitor: ApiVisitor, body: unknown) => visitor.json("/api/tasks", { method: "POST", body });

describe("POST /api/tasks", () => {
  it("creates each type of task as pending with its inputs and a log line, and wakes the dispatcher", async () => {
    const { visitor, video, otherVideo, image } = await visitorWithFiles();
    const watermark = await createTask(visitor, { type: "watermark", inputs: [video], params: { region: { x: 10, y: 10, width: 100, height: 50 } } });
    expect(watermark.status).toBe(202);
    expect(watermark.body.task).toMatchObject({
      type: "watermark", status: "pending", progress: 0, error: null, attempts: 0, outputs: [], startedAt: null, finishedAt: null,
    });
    expect(watermark.body.task.params, "v1's region; no method: the worker picks one per region").toEqual({ regions: [{ x: 10, y: 10, width: 100, height: 50 }] });
    expect(watermark.body.task.inputs.map((file: { id: string }) => file.id)).toEqual([video]);
    const merge = await createTask(visitor, { type: "merge", inputs: [otherVideo, video] });
    expect(merge.status).toBe(202);
    expect(merge.body.task.inputs.map((file: { id: string }) => file.id)).toEqual([otherVideo, video]);
    const thumbnail = await createTask(visitor, { type: "thumbnail", inputs: [image], params: { width: 64 } });
    expect(thumbnail.body.task).toMatchObject({ type: "thumbnail", params: { width: 64 } });
    const fromVideo = await createTask(visitor, { type: "thumbnail", inputs: [video] });
    expect(fromVideo.body.task.params).toEqual({ width: 256, atSecond: 1 });
    const logs = await visitor.json(`/api/tasks/${merge.body.task.id}/logs`);
    expect(logs.status).toBe(200);
    expect(logs.body.logs).toEqual([{ at: expect.any(String), level: "info", message: expect.stringContaining("created") }]);
    const dispatches = await getDb().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'task-dispatch'`;
    expect(Number(dispatches[0]!.n)).toBeGreaterThan(0);
  });

  for (const locale of ["en", "zh"] as const) {
    it(`refuses invalid bodies with 400 naming the field (${locale})`, async () => {
      const { visitor, video, image } = await visitorWithFiles(locale);
      const cases: [unknown, string][] = [
        [{ type: "blur", inputs: [video] }, "type"],
        [{ type: "watermark", inputs: [video], params: { region: { x: 300, y: 0, width: 50, height: 50 } } }, "params.region"],
        [{ type: "watermark", inputs: [video], params: { region: { x: 0, y: 0, width: 0, height: 10 } } }, "params.region.width"],
        [{ type: "watermark", inputs: [image], params: { region: { x: 0, y: 0, width: 10, height: 10 } } }, "inputs.0"],
        [{ type: "merge", inputs: [video] }, "inputs"],
        [{ type: "merge", inputs: Array.from({ length: 21 }, () => video) }, "inputs"],
        [{ type: "merge", inputs: [video, image] }, "inputs.1"],
        [{ type: "thumbnail", inputs: [image], params: { width: 15 } }, "params.width"],
        [{ type: "thumbnail", inputs: [image], params: { width: 1921 } }, "params.width"],
        [{ type: "thumbnail", inputs: [video], params: { atSecond: 60 } }, "params.atSecond"],
      ];
      for (const [body, field] of cases) {
        const response = await createTask(visitor, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(response.body.error).toEqual({ code: "invalid_params", field, message: locale === "en" ? "Some of the values are not valid." : "部分参数无效。" });
      }
      const malformed = await visitor.json("/api/tasks", { method: "POST", body: "{not json" });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe("bad_request");
      expect((await visitor.json("/api/me")).body.counts.pending).toBe(0);
    });
  }

  it("answers 404 for inputs that are unknown or belong to someone else", async () => {
    const { video } = await visitorWithFiles();
    const { visitor, video: own } = await visitorWithFiles("zh");
    for (const inputs of [[video], ["no-such-file"], ["bad\u0000id"], ["é".repeat(60)]]) {
      const response = await createTask(visitor, { type: "thumbnail", inputs });
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({ code: "not_found", field: "inputs.0", message: "未找到。" });
    }
    expect((await createTask(visitor, { type: "merge", inputs: [own, video] })).body.error.field).toBe("inputs.1");
  });

  for (const locale of ["en", "zh"] as const) {
    it(`refuses the task past the active-task limit with 429 (${locale})`, async () => {
      const { visitor, image } = await visitorWithFiles(locale);
      for (let index = 0; index < 20; index += 1) expect((await createTask(visitor, { type: "thumbnail", inputs: [image] })).status).toBe(202);
      const refused = await createTask(visitor, { type: "thumbnail", inputs: [image] });
      expect(refused.status).toBe(429);
      expect(refused.body.error).toEqual({
        code: "too_many_tasks",
        message: locale === "en" ? "You already have 20 tasks waiting or running. Wait for some to finish first." : "你已有 20 个任务在等待或运行，请等部分任务完成后再提交。",
      });
    });
  }
});

describe("GET /api/tasks", () => {
  it("lists only the caller's tasks, newest first, with filters and pages", async () => {
    const { visitor, video, otherVideo, image } = await visitorWithFiles();
    await visitorWithFiles().then(({ visitor: other, image: theirs }) => createTask(other, { type: "thumbnail", inputs: [theirs] }));
    const ids: string[] = [];
    for (const body of [
      { type: "thumbnail", inputs: [image] },
      { type: "merge", inputs: [video, otherVideo] },
      { type: "thumbnail", inputs: [video] },
    ]) ids.push((await createTask(visitor, body)).body.task.id);
    await getDb().task.update({ where: { id: ids[0] }, data: { status: "completed", finishedAt: new Date() } });
    const all = await visitor.json("/api/tasks");
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(all.body.tasks.map((task: { id: string }) => task.id)).toEqual([...ids].reverse());
    const paged = await visitor.json("/api/tasks?page=2&pageSize=2");
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(paged.body.tasks.map((task: { id: string }) => task.id)).toEqual([ids[0]]);
    expect((await visitor.json("/api/tasks?type=thumbnail&status=pending")).body.tasks.map((task: { id: string }) => task.id)).toEqual([ids[2]]);
    expect((await visitor.json("/api/tasks?status=completed&type=")).body.total).toBe(1);
    const tooBig = await visitor.json("/api/tasks?pageSize=101");
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error).toMatchObject({ code: "invalid_params", field: "pageSize" });
    expect((await visitor.json("/api/tasks?status=bogus")).body.error.field).toBe("status");
  });
});

describe("short ids and GET /api/tasks?q=", () => {
  it("gives every task a unique 8-character short id and finds the caller's tasks by it or by a part of an input's name", async () => {
    const visitor = apiVisitor();
    const { body } = await visitor.upload([{ path: videoPath, name: "假期_旅行.mp4" }, { path: imagePath, name: "photo.png" }]);
    const [holiday, photo] = body.files.map((file: { id: string }) => file.id) as [string, string];
    const holidayTask = (await createTask(visitor, { type: "thumbnail", inputs: [holiday] })).body.task;
    const photoTask = (await createTask(visitor, { type: "thumbnail", inputs: [photo] })).body.task;
    const stranger = apiVisitor();
    const theirs = (await stranger.upload([{ path: videoPath, name: "假期_旅行.mp4" }])).body.files[0].id;
    const theirTask = (await createTask(stranger, { type: "thumbnail", inputs: [theirs] })).body.task;

    for (const task of [holidayTask, photoTask, theirTask]) expect(task.shortId).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(new Set([holidayTask.shortId, photoTask.shortId, theirTask.shortId]).size).toBe(3);
    expect((await visitor.json(`/api/tasks/${holidayTask.id}`)).body.task.shortId).toBe(holidayTask.shortId);
    await expect(getDb().task.update({ where: { id: photoTask.id }, data: { shortId: holidayTask.shortId } })).rejects.toThrow();

    const found = async (who: ApiVisitor, q: string) =>
      (await who.json(`/api/tasks?q=${encodeURIComponent(q)}`)).body.tasks.map((task: { id: string }) => task.id);
    const id = photoTask.shortId as string;
    for (const typed of [id, id.toLowerCase(), `${id.slice(0, 4)}-${id.slice(4)}`, ` ${id.slice(0, 4)} ${id.slice(4).toLowerCase()} `]) {
      expect(await found(visitor, typed), typed).toEqual([photoTask.id]);
    }
    expect(await found(visitor, "旅行")).toEqual([holidayTask.id]);
    expect(await found(visitor, "PHOTO")).toEqual([photoTask.id]);
    // LIKE wildcards are taken literally: only the name with an underscore has one, none has a percent sign.
    expect(await found(visitor, "_")).toEqual([holidayTask.id]);
    expect(await found(visitor, "%")).toEqual([]);
    expect(await found(visitor, "   ")).toEqual([photoTask.id, holidayTask.id]);
    // Another visitor's tasks are never found, by their short id or by a name both share.
    expect(await found(visitor, theirTask.shortId)).toEqual([]);
    expect(await found(stranger, id)).toEqual([]);
    expect(await found(stranger, "旅行")).toEqual([theirTask.id]);
    const tooLong = await visitor.json(`/api/tasks?q=${"x".repeat(201)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({ code: "invalid_params", field: "q" });
  });
});

async function setStatus(taskId: string, data: Parameters<ReturnType<typeof getDb>["task"]["update"]>[0]["data"]) {
  await getDb().task.update({ where: { id: taskId }, data });
}

describe("task actions", () => {
  for (const locale of ["en", "zh"] as const) {
    it(`hides other visitors' tasks and unknown ids behind 404 on every task endpoint (${locale})`, async () => {
      const { visitor, image } = await visitorWithFiles();
      const taskId = (await createTask(visitor, { type: "thumbnail", inputs: [image] })).body.task.id;
      const stranger = apiVisitor({ locale });
      for (const id of [taskId, "no-such-task"]) {
        for (const [method, path] of [["GET", ""], ["GET", "/logs"], ["POST", "/cancel"], ["POST", "/retry"], ["DELETE", ""]] as const) {
          const response = await stranger.json(`/api/tasks/${id}${path}`, { method });
          expect(response.status, `${method} ${path}`).toBe(404);
          expect(response.body.error).toEqual({ code: "not_found", message: locale === "en" ? "Not found." : "未找到。" });
        }
      }
      expect((await visitor.json(`/api/tasks/${taskId}`)).body.task.status).toBe("pending");
    });
  }

  it("gets a task with its outputs, error and progress as the worker left them", async () => {
    const { visitor, video, image } = await visitorWithFiles();
    const taskId = (await createTask(visitor, { type: "thumbnail", inputs: [video] })).body.task.id;
    const { body: me } = await visitor.json("/api/me");
    const output = await getDb().file.create({
      data: { visitorId: me.id, origin: "output", taskId, name: "thumb.webp", size: 10, mime: "image/webp", kind: "image", width: 256, height: 192, storageKey: `outputs/${taskId}`, expiresAt: new Date(Date.now() + 3600_000) },
    });
    await getStorage().put(`outputs/${taskId}`, Readable.from([Buffer.from("0123456789")]));
    await setStatus(taskId, { status: "failed", progress: 40, errorCode: "processing_failed", errorMessage: "ffmpeg exited with code 1: /srv/data/files/uploads/x.mp4", attempts: 1, startedAt: new Date(), finishedAt: new Date() });
    const { status, body } = await visitor.json(`/api/tasks/${taskId}`);
    expect(status).toBe(200);
    // Visitors read the code's message in their language, never the worker's technical detail.
    expect(body.task).toMatchObject({ status: "failed", progress: 40, attempts: 1, error: { code: "processing_failed", message: en.errors.processing_failed } });
    await setStatus(taskId, { errorCode: "timeout", errorMessage: "Stopped after the 30-minute time limit" });
    const inChinese = await visitor.json(`/api/tasks/${taskId}?locale=zh`);
    expect(inChinese.body.task.error).toEqual({ code: "timeout", message: zh.errors.timeout.replace("{minutes}", "30") });
    const listed = await visitor.json(`/api/tasks?locale=zh`);
    expect(listed.body.tasks.find((task: { id: string }) => task.id === taskId).error).toEqual(inChinese.body.task.error);
    expect(body.task.outputs).toEqual([(await visitor.json(`/api/files/${output.id}`)).body.file]);
    expect(body.task.inputs).toEqual([(await visitor.json(`/api/files/${video}`)).body.file]);
    expect(body.task.outputs[0]).toMatchObject({ name: "thumb.webp", kind: "image", durationSec: null, thumbnailUrl: null });
    expect((await visitor.request(`/api/files/${output.id}/content`)).status).toBe(200);
    expect(image).toBeTruthy();
  });

  it("cancels pending and running tasks, stops a running task's job, and refuses finished ones with 409", async () => {
    const { visitor, image } = await visitorWithFiles("zh");
    const pending = (await createTask(visitor, { type: "thumbnail", inputs: [image] })).body.task.id;
    const cancelled = await visitor.json(`/api/tasks/${pending}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.task).toMatchObject({ status: "cancelled", finishedAt: expect.any(String) });
    const again = await visitor.json(`/api/tasks/${pending}/cancel`, { method: "POST" });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: "conflict", message: "任务当前的状态不允许此操作。" });

    const running = (await createTask(visitor, { type: "thumbnail", inputs: [image] })).body.task.id;
    const [job] = await getDb().$queryRaw<{ id: string }[]>`INSERT INTO pgboss.job (name, data, state, started_on) VALUES ('task-run', ${JSON.stringify({ taskId: running })}::jsonb, 'active', now()) RETURNING id::text`;
    await setStatus(running, { status: "running", jobId: job!.id, startedAt: new Date() });
    expect((await visitor.json(`/api/tasks/${running}/cancel`, { method: "POST" })).body.task.status).toBe("cancelled");
    const [state] = await getDb().$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE id = ${job!.id}::uuid`;
    expect(state!.state).toBe("cancelled");
    const logs = await visitor.json(`/api/tasks/${running}/logs`);
    // The visitor reads the lines in their language.
    expect(logs.body.logs.map((log: { message: string }) => log.message)).toEqual(["任务已创建（生成缩略图）。", "任务已取消。"]);
  });

  it("retries failed and cancelled tasks back to pending, keeping attempts, and refuses others with 409", async () => {
    const { visitor, image } = await visitorWithFiles();
    const taskId = (await createTask(visitor, { type: "thumbnail", inputs: [image] })).body.task.id;
    expect((await visitor.json(`/api/tasks/${taskId}/retry`, { method: "POST" })).status).toBe(409);
    await setStatus(taskId, { status: "failed", progress: 70, attempts: 2, errorCode: "processing_failed", errorMessage: "boom", finishedAt: new Date() });
    const retried = await visitor.json(`/api/tasks/${taskId}/retry`, { method: "POST" });
    expect(retried.status).toBe(202);
    expect(retried.body.task).toMatchObject({ status: "pending", progress: 0, attempts: 2, error: null, finishedAt: null });
    await setStatus(taskId, { status: "completed", finishedAt: new Date() });
    expect((await visitor.json(`/api/tasks/${taskId}/retry`, { method: "POST" })).status).toBe(409);
  });

  it("deletes a task, cancelling it first when active, with its outputs", async () => {
    const { visitor, image } = await visitorWithFiles();
    const { body: me } = await visitor.json("/api/me");
    const taskId = (await createTask(visitor, { type: "thumbnail", inputs: [image] })).body.task.id;
    await setStatus(taskId, { status: "running", startedAt: new Date() });
    const key = `outputs/delete-${taskId}`;
    await getStorage().put(key, Readable.from([Buffer.from("bytes")]));
    await getDb().file.create({
      data: { visitorId: me.id, origin: "output", taskId, name: "out.webp", size: 5, mime: "image/webp", kind: "image", width: 1, height: 1, storageKey: key, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const response = await visitor.request(`/api/tasks/${taskId}`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(await getDb().task.findUnique({ where: { id: taskId } })).toBeNull();
    expect(await getDb().file.count({ where: { taskId } })).toBe(0);
    expect(await getStorage().stat(key)).toBeNull();
    expect((await visitor.json(`/api/tasks/${taskId}`)).status).toBe(404);
    expect((await visitor.json(`/api/files/${image}`)).status).toBe(200);
  });

  it("refuses to delete a task whose output a pending task reads (409), and once that task ended keeps the output as its input", async () => {
    const { visitor, image } = await visitorWithFiles();
    const { body: me } = await visitor.json("/api/me");
    const producerId = (await createTask(visitor, { type: "thumbnail", inputs: [image] })).body.task.id;
    await setStatus(producerId, { status: "completed", startedAt: new Date(), finishedAt: new Date() });
    const key = `outputs/feeds-${producerId}`;
    await getStorage().put(key, Readable.from([await readFile(imagePath)]));
    const output = await getDb().file.create({
      data: { visitorId: me.id, origin: "output", taskId: producerId, name: "out.png", size: 5, mime: "image/png", kind: "image", width: 100, height: 80, storageKey: key, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const reader = await createTask(visitor, { type: "thumbnail", inputs: [output.id] });
    expect(reader.status).toBe(202);
    const readerId = reader.body.task.id;

    for (const [locale, messages] of [["en", en], ["zh", zh]] as const) {
      const refused = await visitor.json(`/api/tasks/${producerId}?locale=${locale}`, { method: "DELETE" });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toEqual({ code: "conflict", message: messages.errors.conflict });
    }
    expect((await visitor.json("/api/tasks/cleanup", { method: "POST", body: { scope: "completed" } })).body).toEqual({ deleted: 0 });
    expect((await visitor.json(`/api/tasks/${producerId}`)).body.task.outputs.map((file: { id: string }) => file.id)).toEqual([output.id]);

    expect((await visitor.json(`/api/tasks/${readerId}/cancel`, { method: "POST" })).status).toBe(200);
    expect((await visitor.request(`/api/tasks/${producerId}`, { method: "DELETE" })).status).toBe(204);
    expect((await visitor.json(`/api/tasks/${producerId}`)).status).toBe(404);
    const kept = await visitor.json(`/api/tasks/${readerId}`);
    expect(kept.body.task.inputs).toEqual([(await visitor.json(`/api/files/${output.id}`)).body.file]);
    expect((await visitor.request(`/api/files/${output.id}/content`)).status).toBe(200);
    expect((await visitor.request(`/api/tasks/${readerId}`, { method: "DELETE" })).status).toBe(204);
  });

  it("cleans up finished tasks by scope and never touches pending or running ones", async () => {
    const { visitor, image } = await visitorWithFiles();
    const ids: Record<string, string> = {};
    for (const status of ["pending", "running", "completed", "failed", "cancelled"] as const) {
      ids[status] = (await createTask(visitor, { type: "thumbnail", inputs: [image] })).body.task.id;
      if (status !== "pending") await setStatus(ids[status]!, { status });
    }
    expect((await visitor.json("/api/tasks/cleanup", { method: "POST", body: { scope: "completed" } })).body).toEqual({ deleted: 1 });
    expect((await visitor.json("/api/tasks/cleanup", { method: "POST", body: { scope: "all" } })).body).toEqual({ deleted: 2 });
    const left = (await visitor.json("/api/tasks")).body.tasks.map((task: { status: string }) => task.status).sort();
    expect(left).toEqual(["pending", "running"]);
    const bad = await visitor.json("/api/tasks/cleanup", { method: "POST", body: { scope: "everything" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_params", field: "scope" });
    // The "running" row has no job behind it; remove it so no later test finds a running slot taken.
    for (const status of ["pending", "running"] as const) {
      expect((await visitor.request(`/api/tasks/${ids[status]}`, { method: "DELETE" })).status).toBe(204);
    }
  });
});
