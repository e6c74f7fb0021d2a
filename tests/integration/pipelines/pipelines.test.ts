import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import en from "@/messages/en.json";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { makeVideo } from "../../support/media-fixtures";
import { waitFor } from "../../support/wait-for";
import { withWorker } from "../../support/with-worker";

withWorker();

type Task = { id: string; type: string; status: string; step: number; dependsOn: string | null; pipelineId: string; inputs: { id: string; kind: string }[]; outputs: { id: string; kind: string; width: number }[]; error: { code: string; message: string } | null; queuePosition: number | null };

let clipPath: string;

beforeAll(async () => {
  clipPath = await makeVideo({ seconds: 2, width: 160, height: 120 });
});

async function visitorWithClips(count: number): Promise<{ visitor: ApiVisitor; fileIds: string[] }> {
  const visitor = apiVisitor();
  const { status, body } = await visitor.upload(Array.from({ length: count }, () => ({ path: clipPath })));
  expect(status).toBe(201);
  return { visitor, fileIds: body.files.map((file: { id: string }) => file.id) };
}

const region = { x: 4, y: 4, width: 20, height: 20 };
const threeSteps = [{ type: "merge" }, { type: "watermark", params: { regions: [region] } }, { type: "thumbnail", params: { width: 64 } }];

async function createPipeline(visitor: ApiVisitor, body: object): Promise<{ id: string; tasks: Task[] }> {
  const created = await visitor.json("/api/pipelines", { method: "POST", body });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  return created.body.pipeline;
}

const readPipeline = async (visitor: ApiVisitor, id: string): Promise<Task[]> => (await visitor.json(`/api/pipelines/${id}`)).body.pipeline.tasks;

const waitForStatuses = (visitor: ApiVisitor, id: string, statuses: string[]) =>
  waitFor(
    async () => {
      const tasks = await readPipeline(visitor, id);
      return tasks.every((task, step) => task.status === statuses[step]) && tasks;
    },
    { what: `steps ${statuses.join(", ")}`, timeoutMs: 90_000 },
  );

/** Swaps a stored upload's bytes behind the row's back (junk makes the step reading it fail). */
async function replaceStoredBytes(fileId: string, bytes: Buffer): Promise<void> {
  const file = await getDb().file.findUniqueOrThrow({ where: { id: fileId } });
  await getStorage().put(file.storageKey, Readable.from([bytes]));
}

describe("POST /api/pipelines", () => {
  it("creates every step as a pending task, each later step depending on the one before and waiting out of line", async () => {
    const { visitor, fileIds } = await visitorWithClips(2);
    const pipeline = await createPipeline(visitor, { inputs: fileIds, steps: threeSteps });
    expect(pipeline.tasks.map((task) => [task.type, task.step, task.pipelineId])).toEqual([
      ["merge", 0, pipeline.id],
      ["watermark", 1, pipeline.id],
      ["thumbnail", 2, pipeline.id],
    ]);
    const [merge, watermark, thumbnail] = pipeline.tasks as [Task, Task, Task];
    expect([merge.dependsOn, watermark.dependsOn, thumbnail.dependsOn]).toEqual([null, merge.id, watermark.id]);
    expect(watermark.inputs).toEqual([]);
    const waiting = (await readPipeline(visitor, pipeline.id)).filter((task) => task.status === "pending" && task.step > 0);
    expect(waiting.every((task) => task.queuePosition === null)).toBe(true);
    const plain = await visitor.json(`/api/tasks/${merge.id}`);
    expect(plain.body.task).toMatchObject({ pipelineId: pipeline.id, step: 0, dependsOn: null });
    await visitor.json(`/api/tasks/${merge.id}/cancel`, { method: "POST" });
  });

  it("refuses step counts and orders that cannot run with 400 on the field steps", async () => {
    const { visitor, fileIds } = await visitorWithClips(2);
    const cases: [object, string][] = [
      [{ inputs: fileIds, steps: [] }, "steps"],
      [{ inputs: fileIds, steps: [...threeSteps, { type: "thumbnail" }, { type: "thumbnail" }] }, "steps"],
      [{ inputs: fileIds, steps: [{ type: "merge" }, { type: "thumbnail" }, { type: "watermark", params: { regions: [region] } }] }, "steps"],
      [{ inputs: [fileIds[0]], steps: [{ type: "watermark", params: { regions: [region] } }, { type: "merge" }] }, "steps"],
      [{ inputs: [fileIds[0]], steps: [{ type: "merge" }, { type: "thumbnail" }] }, "inputs"],
      [{ inputs: fileIds, steps: [{ type: "merge" }, { type: "watermark", params: {} }] }, "steps.1.params.regions"],
    ];
    for (const [body, field] of cases) {
      const refused = await visitor.json("/api/pipelines", { method: "POST", body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error).toMatchObject({ code: "invalid_params", field });
    }
    const tasks = await visitor.json("/api/tasks");
    expect(tasks.body.tasks).toEqual([]);
  });

  it("counts every step against the visitor's active-task limit", async () => {
    const { visitor, fileIds } = await visitorWithClips(2);
    const { visitorId } = await getDb().file.findUniqueOrThrow({ where: { id: fileIds[0]! } });
    // Held as running without a job, so no worker touches them; 18 of the 20 allowed.
    const expiresAt = new Date(Date.now() + 3_600_000);
    await getDb().task.createMany({ data: Array.from({ length: 18 }, () => ({ visitorId, type: "thumbnail" as const, status: "running" as const, expiresAt })) });
    try {
      const refused = await visitor.json("/api/pipelines", { method: "POST", body: { inputs: fileIds, steps: threeSteps } });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("too_many_tasks");
      const fits = await createPipeline(visitor, { inputs: fileIds, steps: [{ type: "merge" }, { type: "thumbnail" }] });
      await visitor.json(`/api/tasks/${fits.tasks[0]!.id}/cancel`, { method: "POST" });
    } finally {
      await getDb().task.deleteMany({ where: { visitorId, jobId: null, status: "running" } });
    }
  });

  it("shows a pipeline to its owner only", async () => {
    const { visitor, fileIds } = await visitorWithClips(2);
    const pipeline = await createPipeline(visitor, { inputs: fileIds, steps: [{ type: "merge" }, { type: "thumbnail" }] });
    await visitor.json(`/api/tasks/${pipeline.tasks[0]!.id}/cancel`, { method: "POST" });
    expect((await visitor.json(`/api/pipelines/${pipeline.id}`)).status).toBe(200);
    const stranger = apiVisitor();
    const other = await stranger.json(`/api/pipelines/${pipeline.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe("not_found");
    expect((await visitor.json("/api/pipelines/not-a-uuid")).status).toBe(404);
  });
});

describe("running a pipeline", () => {
  it("runs merge, watermark and thumbnail in order, each reading the previous output, and ends with an image", async () => {
    const { visitor, fileIds } = await visitorWithClips(2);
    const pipeline = await createPipeline(visitor, { inputs: fileIds, steps: threeSteps });
    const [merge, watermark, thumbnail] = (await waitForStatuses(visitor, pipeline.id, ["completed", "completed", "completed"])) as [Task, Task, Task];
    expect(merge.inputs.map((file) => file.id)).toEqual(fileIds);
    expect(watermark.inputs.map((file) => file.id)).toEqual([merge.outputs[0]!.id]);
    expect(thumbnail.inputs.map((file) => file.id)).toEqual([watermark.outputs[0]!.id]);
    expect(thumbnail.outputs[0]).toMatchObject({ kind: "image", width: 64 });
  });

  it("cancels the later steps with dependency_failed when a step fails, and a retry of it brings them back to completion", async () => {
    const { visitor, fileIds } = await visitorWithClips(2);
    const [first] = fileIds as [string, string];
    await replaceStoredBytes(first, Buffer.from("not a video any more"));
    const pipeline = await createPipeline(visitor, { inputs: fileIds, steps: threeSteps });
    const ended = await waitForStatuses(visitor, pipeline.id, ["failed", "cancelled", "cancelled"]);
    for (const later of ended.slice(1)) expect(later.error).toEqual({ code: "dependency_failed", message: en.errors.dependency_failed });

    await replaceStoredBytes(first, await readFile(clipPath));
    const later = await visitor.json(`/api/tasks/${ended[1]!.id}/retry`, { method: "POST" });
    expect(later.status, "a step whose input cannot come is not retried alone").toBe(409);
    const retried = await visitor.json(`/api/tasks/${ended[0]!.id}/retry`, { method: "POST" });
    expect(retried.status).toBe(202);
    const again = await readPipeline(visitor, pipeline.id);
    expect(again.map((task) => task.status)).not.toContain("cancelled");
    const done = await waitForStatuses(visitor, pipeline.id, ["completed", "completed", "completed"]);
    expect(done[2]!.outputs[0]).toMatchObject({ kind: "image" });
  });

  it("cancelling a step cancels the steps after it, and deleting a step deletes them", async () => {
    const { visitor, fileIds } = await visitorWithClips(2);
    const pipeline = await createPipeline(visitor, { inputs: fileIds, steps: threeSteps });
    const [, watermark, thumbnail] = pipeline.tasks as [Task, Task, Task];
    const cancelled = await visitor.json(`/api/tasks/${watermark.id}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    const tasks = await readPipeline(visitor, pipeline.id);
    expect(tasks[2]).toMatchObject({ id: thumbnail.id, status: "cancelled", error: { code: "dependency_failed" } });
    await waitForStatuses(visitor, pipeline.id, ["completed", "cancelled", "cancelled"]);

    expect((await visitor.json(`/api/tasks/${watermark.id}`, { method: "DELETE" })).status).toBe(204);
    const left = await readPipeline(visitor, pipeline.id);
    expect(left.map((task) => task.type)).toEqual(["merge"]);
    expect((await visitor.json(`/api/tasks/${thumbnail.id}`)).status).toBe(404);
  });
});
