/**
 * The product spread over several hosts: network namespaces stand in for machines. PostgreSQL (this
 * runner's, forwarded over the bridge) and an S3-compatible store (s3rver on a host of its own) are
 * reached over veth; one web host, two worker hosts, each with its own empty DATA_DIR.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { applyMigrations } from "@/lib/database/apply-migrations";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { makeImage, makeVideo } from "../../support/media-fixtures";
import { createHostNetwork, hostNetworkUnavailable, type HostNetwork, type NetworkHost } from "../../support/network-hosts";
import { startS3Server, type S3Server } from "../../support/s3-server";
import { spawnWorker, type Launch, type WorkerProcess } from "../../support/spawn-worker";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy";
import { provisionTestDatabase, type TestDatabase } from "../../support/test-database";
import { waitFor } from "../../support/wait-for";
import { startWebServer, type WebServer } from "../../support/web-server";

const unavailable = hostNetworkUnavailable();
if (unavailable) console.log(`several-hosts proof not run on this machine: ${unavailable}`);

const S3_PORT = 4568;
const WEB_PORT = 3000;
const BUCKET = "clipclean";
const TASKS_PER_TYPE_PER_VISITOR = 10;
const CAPS = { MAX_RUNNING_TOTAL: "3", MAX_RUNNING_PER_VISITOR: "1", MAX_ACTIVE_TASKS: "100" };

const launchOn =
  (host: NetworkHost): Launch =>
  (args, env) =>
    host.spawn(process.execPath, args, env);

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

describe.runIf(!unavailable)("web and workers on separate hosts with S3 storage", () => {
  let network: HostNetwork;
  let database: TestDatabase;
  let proxy: TcpProxy;
  let web: WebServer;
  let s3: NetworkHost;
  let workerHosts: NetworkHost[];
  const workers = new Map<string, WorkerProcess>();
  const dataDirs = new Map<string, string>();
  let dbClient: pg.Client;
  let objectStore: S3Server;

  beforeAll(async () => {
    network = await createHostNetwork();
    database = await provisionTestDatabase();
    await applyMigrations({ databaseUrl: database.url });
    dbClient = new pg.Client({ connectionString: database.url });
    await dbClient.connect();
    const local = new URL(database.url);
    proxy = await startTcpProxy({ host: local.hostname, port: Number(local.port || 5432) }, network.gateway);
    const remote = new URL(database.url);
    remote.hostname = network.gateway;
    remote.port = String(proxy.port);

    s3 = await network.addHost("s3");
    const webHost = await network.addHost("web");
    workerHosts = [await network.addHost("worker-a"), await network.addHost("worker-b")];
    for (const host of [webHost, ...workerHosts]) dataDirs.set(host.name, await mkdtemp(join(tmpdir(), `clipclean-${host.name}-`)));

    objectStore = await startS3Server(BUCKET, { launch: launchOn(s3), host: s3.address, port: S3_PORT });

    const shared = {
      ...CAPS,
      DATABASE_URL: remote.toString(),
      MIGRATE_ON_START: "false",
      ...objectStore.env,
    };
    web = await startWebServer(
      { ...shared, DATA_DIR: dataDirs.get("web")!, SESSION_SECRET: "several-hosts-session-secret-of-32-characters" },
      { launch: launchOn(webHost), host: webHost.address, port: WEB_PORT },
    );
    for (const host of workerHosts) {
      workers.set(host.name, await spawnWorker({ ...shared, DATA_DIR: dataDirs.get(host.name)!, NODE_ENV: "test" }, { launch: launchOn(host) }));
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...workers.values()].map((worker) => worker.stop()));
    await web?.stop();
    await objectStore?.stop();
    await network?.close();
    await dbClient?.end();
    await proxy?.close();
    await database?.drop();
    await Promise.all([...dataDirs.values()].map((dir) => rm(dir, { recursive: true, force: true })));
  });

  test("tasks of every type from 3 visitors complete, the caps hold, a dead worker host's task finishes on the other", { timeout: 360_000 }, async () => {
    const visitors: ApiVisitor[] = [0, 1, 2].map(() => apiVisitor({ baseUrl: web.baseUrl }));
    const [clipA, clipB, image, longClip] = await Promise.all([
      makeVideo({ seconds: 1, width: 160, height: 120 }),
      makeVideo({ seconds: 1, width: 160, height: 120 }),
      makeImage({ width: 160, height: 120 }),
      makeVideo({ seconds: 60, width: 640, height: 480, audio: false }),
    ]);
    const uploads: string[][] = [];
    for (const [index, visitor] of visitors.entries()) {
      const files = [{ path: clipA }, { path: clipB }, { path: image }, ...(index === 0 ? [{ path: longClip }] : [])];
      const { status, body } = await visitor.upload(files);
      expect(status, JSON.stringify(body)).toBe(201);
      uploads.push((body.files as { id: string }[]).map((file) => file.id));
    }

    // Caps are checked against what the database says is running, sampled all along.
    let maxRunning = 0;
    let maxRunningPerVisitor = 0;
    let sampling = true;
    const stopSampling = new AbortController();
    onTestFinished(() => stopSampling.abort());
    const sampler = (async () => {
      while (sampling && !stopSampling.signal.aborted) {
        const { rows } = await dbClient.query<{ visitor_id: string; count: string }>(
          "SELECT visitor_id, count(*) FROM tasks WHERE status = 'running' GROUP BY visitor_id",
        );
        const counts = rows.map((row) => Number(row.count));
        maxRunning = Math.max(maxRunning, counts.reduce((sum, count) => sum + count, 0));
        maxRunningPerVisitor = Math.max(maxRunningPerVisitor, ...counts, 0);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();

    const submit = async (visitor: ApiVisitor, body: object) => {
      const response = await visitor.json("/api/tasks", { method: "POST", body });
      expect(response.status, JSON.stringify(response.body)).toBe(202);
      return response.body.task.id as string;
    };
    const [firstVideo, , , longVideo] = uploads[0]!;
    const longTaskId = await submit(visitors[0]!, { type: "watermark", inputs: [longVideo], params: { region: { x: 20, y: 20, width: 100, height: 60 } } });
    const taskIds = new Map<string, ApiVisitor>([[longTaskId, visitors[0]!]]);
    const byType = new Map<string, string[]>();
    await Promise.all(
      visitors.map(async (visitor, index) => {
        const [video, otherVideo, picture] = uploads[index]!;
        for (let round = 0; round < TASKS_PER_TYPE_PER_VISITOR; round += 1) {
          const bodies = {
            watermark: { type: "watermark", inputs: [video], params: { region: { x: 8, y: 8, width: 40, height: 30 } } },
            merge: { type: "merge", inputs: [video, otherVideo] },
            thumbnail: { type: "thumbnail", inputs: [picture], params: { width: 64 } },
          };
          for (const [type, body] of Object.entries(bodies)) {
            const id = await submit(visitor, body);
            taskIds.set(id, visitor);
            byType.set(type, [...(byType.get(type) ?? []), id]);
          }
        }
      }),
    );
    expect(firstVideo).toBeTruthy();

    // Power off the worker host that is running the long task, mid-task.
    await waitFor(async () => {
      const { body } = await visitors[0]!.json(`/api/tasks/${longTaskId}`);
      if (body.task.status !== "pending" && body.task.status !== "running") throw new Error(`the long task ended early: ${JSON.stringify(body.task.error)}`);
      return body.task.status === "running" && body.task.progress > 0;
    }, { what: "the long task to make progress", timeoutMs: 120_000 });
    const runningOn = await waitFor(async () => {
      for (const host of workerHosts) {
        const paths = await filesUnder(join(dataDirs.get(host.name)!, "tmp"));
        if (paths.some((path) => path.includes(`${longTaskId}-`))) return host;
      }
      return undefined;
    }, { what: "the host running the long task", timeoutMs: 10_000 });
    await runningOn.kill();
    workers.delete(runningOn.name);
    const killedAt = performance.now();

    const total = taskIds.size;
    await waitFor(async () => {
      const { rows } = await dbClient.query<{ count: string }>("SELECT count(*) FROM tasks WHERE status IN ('completed', 'failed', 'cancelled')");
      return Number(rows[0]!.count) === total;
    }, { what: `all ${total} tasks to end`, timeoutMs: 300_000, intervalMs: 250 });
    sampling = false;
    await sampler;

    const { rows: outcomes } = await dbClient.query<{ status: string; count: string }>("SELECT status, count(*) FROM tasks GROUP BY status");
    expect(Object.fromEntries(outcomes.map((row) => [row.status, Number(row.count)]))).toEqual({ completed: total });
    expect(maxRunning).toBe(3);
    expect(maxRunningPerVisitor).toBe(1);

    const { body: longTask } = await visitors[0]!.json(`/api/tasks/${longTaskId}`);
    console.log(
      `several hosts: ${total} tasks, 2 worker hosts (${runningOn.name} powered off mid-task), most running at once ${maxRunning} ` +
        `(cap 3), per visitor ${maxRunningPerVisitor} (cap 1); all ended ${((performance.now() - killedAt) / 1000).toFixed(1)} s after the power-off`,
    );
    expect(longTask.task).toMatchObject({ status: "completed", attempts: expect.any(Number) });
    expect(longTask.task.outputs).toHaveLength(1);
    const { body: longLogs } = await visitors[0]!.json(`/api/tasks/${longTaskId}/logs`);
    expect(longLogs.logs.some((log: { level: string; message: string }) => log.level === "warn" && /interrupted/.test(log.message))).toBe(true);

    // One output of each type downloads from the web host, streamed from S3, and only for its owner.
    for (const ids of byType.values()) {
      const id = ids.at(-1)!;
      const owner = taskIds.get(id)!;
      const { body } = await owner.json(`/api/tasks/${id}`);
      const output = body.task.outputs[0];
      const download = await owner.request(`/api/files/${output.id}/content`);
      expect(download.status).toBe(200);
      expect((await download.arrayBuffer()).byteLength).toBe(output.size);
      const partial = await owner.request(`/api/files/${output.id}/content`, { headers: { range: "bytes=0-9" } });
      expect(partial.status).toBe(206);
      expect((await partial.arrayBuffer()).byteLength).toBe(10);
      const stranger = visitors.find((visitor) => visitor !== owner)!;
      expect((await stranger.request(`/api/files/${output.id}/content`)).status).toBe(404);
    }

    // Files live in the object store only: no host kept any under its DATA_DIR/files.
    for (const host of ["web", ...workerHosts.map((worker) => worker.name)]) {
      expect(await filesUnder(join(dataDirs.get(host)!, "files")), host).toEqual([]);
    }
    const s3Client = new S3Client({
      endpoint: objectStore.env.S3_ENDPOINT,
      region: objectStore.env.S3_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: objectStore.env.S3_ACCESS_KEY_ID!, secretAccessKey: objectStore.env.S3_SECRET_ACCESS_KEY! },
    });
    const listed = await s3Client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `outputs/${longTaskId}/` }));
    expect(listed.Contents).toHaveLength(1);
    s3Client.destroy();
  });
});
