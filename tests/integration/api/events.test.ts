import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { openEventStream, type EventStreamClient, type ServerEvent } from "../../support/event-stream";
import { makeImage } from "../../support/media-fixtures";
import { startWebServer, type WebServer } from "../../support/web-server";

const baseUrl = inject("baseUrl");
let otherServer: WebServer;
const streams: EventStreamClient[] = [];

beforeAll(async () => {
  otherServer = await startWebServer({ DATABASE_URL: inject("databaseUrl"), DATA_DIR: inject("dataDir"), SESSION_SECRET: process.env.SESSION_SECRET! });
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await otherServer?.stop();
});

async function streamOf(visitor: ApiVisitor, server = baseUrl, query = ""): Promise<EventStreamClient> {
  await visitor.json("/api/me");
  const stream = await openEventStream(`${server}/api/events${query}`, { cookie: visitor.cookie()! });
  streams.push(stream);
  // Connected: the first comment arrives once the server listens for this visitor.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return stream;
}

async function thumbnailTask(visitor: ApiVisitor): Promise<string> {
  const { body } = await visitor.upload([{ path: await makeImage({ width: 64, height: 48 }) }]);
  const created = await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [body.files[0].id] } });
  expect(created.status).toBe(202);
  return created.body.task.id;
}

const taskEvent = (taskId: string, match: (task: Record<string, unknown>) => boolean = () => true) => (event: ServerEvent) => {
  if (event.event !== "task") return false;
  const task = JSON.parse(event.data);
  return task.id === taskId && match(task);
};

describe("GET /api/events", () => {
  it("streams the visitor's task changes, whoever makes them, and nobody else's", async () => {
    const owner = apiVisitor();
    const stranger = apiVisitor();
    const stream = await streamOf(owner);
    const strangerStream = await streamOf(stranger);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(stream.headers.get("cache-control")).toContain("no-transform");

    const taskId = await thumbnailTask(owner);
    const created = JSON.parse((await stream.next(taskEvent(taskId))).data);
    expect(created).toMatchObject({ id: taskId, type: "thumbnail", status: "pending", progress: 0 });

    // As a worker on another host would: a plain UPDATE in the database.
    await getDb().task.update({ where: { id: taskId }, data: { status: "running", progress: 40, message: "Making the thumbnail" } });
    const running = JSON.parse((await stream.next(taskEvent(taskId, (task) => task.progress === 40))).data);
    expect(running).toMatchObject({ status: "running", progress: 40, message: "Making the thumbnail" });

    // Through the other web process: the stream served by this one still hears of it.
    const cancelled = await apiVisitor({ cookie: owner.cookie(), baseUrl: otherServer.baseUrl }).json(`/api/tasks/${taskId}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    await stream.next(taskEvent(taskId, (task) => task.status === "cancelled"));

    expect(strangerStream.events.filter((event) => event.event === "task")).toEqual([]);
  });

  it("sends a failed task's message and error in the stream's language", async () => {
    const visitor = apiVisitor();
    const stream = await streamOf(visitor, otherServer.baseUrl, "?locale=zh");
    const taskId = await thumbnailTask(visitor);
    await getDb().task.update({ where: { id: taskId }, data: { status: "failed", message: "Failed", messageCode: "failed", errorCode: "worker_lost", errorMessage: "lost" } });
    const failed = JSON.parse((await stream.next(taskEvent(taskId, (task) => task.status === "failed"))).data);
    expect(failed.message).toBe("失败");
    expect(failed.error.code).toBe("worker_lost");
    expect(failed.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("keeps an idle stream open with a comment line at least every 15 s", { timeout: 30_000 }, async () => {
    const stream = await streamOf(apiVisitor());
    const start = Date.now();
    while (!stream.comments.includes("keep-alive") && Date.now() - start < 15_000) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.comments).toContain("keep-alive");
  });

  it("answers a visitor without a cookie with an empty stream, and refuses other methods", async () => {
    const stream = await openEventStream(`${baseUrl}/api/events`);
    streams.push(stream);
    expect(stream.status).toBe(200);
    const post = await fetch(`${baseUrl}/api/events`, { method: "POST" });
    expect(post.status).toBe(405);
  });
});
