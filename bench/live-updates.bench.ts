/**
 * Live updates with 500 open streams (one per visitor, as 500 open My tasks pages): the web process's
 * memory per open stream, and how long a task change (an UPDATE committed by anyone, as a worker on
 * another host would) takes to reach the visitor's stream — one change at a time, then 100 changes
 * committed together. Goal: p99 < 200 ms, and under 64 KiB of the web process's resident memory per
 * stream, read when the streams have just opened and again after they have been open a while (keep-alive
 * comments and the changes sent through them).
 */
import { sealData } from "iron-session";
import pg from "pg";
import { openEventStream, type EventStreamClient } from "../tests/support/event-stream";
import { freePort } from "../tests/support/test-database";
import { BENCH_SESSION_SECRET, percentiles, startBenchServer } from "./support/bench-server";
import { memoryAfterGc } from "./support/inspector-memory";
import { processRss } from "./support/process-rss";

const STREAMS = 500;
const SINGLE_CHANGES = 200;
const BURSTS = 5;
const BURST_SIZE = 100;
/** How long the streams stay open, idle but for keep-alive comments, before memory is read again. */
const STEADY_MS = 25_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MiB = 1024 * 1024;

async function seed(client: pg.Client): Promise<void> {
  await client.query(`
    INSERT INTO visitors (id) SELECT 'live-visitor-' || v FROM generate_series(0, ${STREAMS - 1}) v;
    INSERT INTO files (id, visitor_id, origin, name, size, mime, kind, width, height, duration_sec, storage_key, expires_at)
      SELECT 'live-file-' || v, 'live-visitor-' || v, 'upload', 'clip-' || v || '.mp4', 1000000, 'video/mp4', 'video', 320, 240, 2,
             'uploads/live-' || v, now() + interval '1 day'
      FROM generate_series(0, ${STREAMS - 1}) v;
    INSERT INTO tasks (id, visitor_id, type, status, progress, params, created_at, updated_at, started_at, expires_at)
      SELECT 'live-task-' || v, 'live-visitor-' || v, 'thumbnail', 'running', 0, '{"width": 256, "atSecond": 1}',
             now(), now(), now(), now() + interval '1 day'
      FROM generate_series(0, ${STREAMS - 1}) v;
    INSERT INTO task_inputs (task_id, position, file_id) SELECT 'live-task-' || v, 0, 'live-file-' || v FROM generate_series(0, ${STREAMS - 1}) v;
  `);
}

/** Waits for the stream's event carrying `message` for its task; returns when it arrived. */
async function arrival(stream: EventStreamClient, message: string): Promise<number> {
  const event = await stream.next((candidate) => candidate.event === "task" && JSON.parse(candidate.data).message === message, 15_000);
  return event.at;
}

type Reading = { rss: number; heap: number };

/**
 * The web process's memory once its garbage is collected: resident (the smallest of a few readings a
 * little apart) and the JavaScript heap with what it holds outside it (buffers).
 */
async function settledMemory(pid: number, inspectorPort: number): Promise<Reading> {
  const { heapUsed, external } = await memoryAfterGc(inspectorPort);
  const readings = [];
  for (let index = 0; index < 5; index++) {
    await sleep(400);
    readings.push(processRss(pid));
  }
  return { rss: Math.min(...readings), heap: heapUsed + external };
}

export default async function benchLiveUpdates() {
  const inspectorPort = await freePort();
  const server = await startBenchServer({ NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}` });
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  const streams: EventStreamClient[] = [];
  try {
    await seed(client);
    const cookies = await Promise.all(
      Array.from({ length: STREAMS }, async (_, visitor) =>
        `clipclean_session=${await sealData({ visitorId: `live-visitor-${visitor}`, seenAt: Date.now() }, { password: BENCH_SESSION_SECRET, ttl: 30 * 24 * 3600 })}`,
      ),
    );
    // Warm the routes up, so their first compilation is not counted as the streams' memory.
    const warm = await openEventStream(`${server.baseUrl}/api/events`, { cookie: cookies[0]! });
    await sleep(500);
    warm.close();
    const before = await settledMemory(server.pid, inspectorPort);

    for (let index = 0; index < STREAMS; index += 50) {
      streams.push(...(await Promise.all(cookies.slice(index, index + 50).map((cookie) => openEventStream(`${server.baseUrl}/api/events`, { cookie })))));
    }
    const deadline = Date.now() + 30_000;
    while (streams.some((stream) => !stream.comments.includes("connected")) && Date.now() < deadline) await sleep(100);
    const open = streams.filter((stream) => stream.status === 200 && stream.comments.includes("connected")).length;
    await sleep(1_000);
    const after = await settledMemory(server.pid, inspectorPort);

    // Every change sets a message of its own (as a worker reporting progress does), so each is one event.
    const single: number[] = [];
    for (let change = 0; change < SINGLE_CHANGES; change++) {
      const visitor = (change * 37) % STREAMS;
      const message = `change ${change}`;
      const started = performance.now();
      await client.query("UPDATE tasks SET progress = $1, message = $2 WHERE id = $3", [change % 100, message, `live-task-${visitor}`]);
      single.push((await arrival(streams[visitor]!, message)) - started);
      await sleep(10);
    }

    const burst: number[] = [];
    for (let round = 0; round < BURSTS; round++) {
      const first = (round * BURST_SIZE) % STREAMS;
      const visitors = Array.from({ length: BURST_SIZE }, (_, index) => (first + index) % STREAMS);
      const message = `burst ${round}`;
      const started = performance.now();
      await client.query("UPDATE tasks SET message = $1 WHERE id = ANY($2)", [message, visitors.map((visitor) => `live-task-${visitor}`)]);
      const arrivals = await Promise.all(visitors.map((visitor) => arrival(streams[visitor]!, message)));
      burst.push(...arrivals.map((at) => at - started));
      await sleep(200);
    }
    await sleep(STEADY_MS);
    const steady = await settledMemory(server.pid, inspectorPort);
    const perStream = (reading: Reading) => ({
      rssKiB: Number(((reading.rss - before.rss) / open / 1024).toFixed(1)),
      heapKiB: Number(((reading.heap - before.heap) / open / 1024).toFixed(1)),
    });

    return {
      openStreams: open,
      webRssMiB: { before: Number((before.rss / MiB).toFixed(1)), opened: Number((after.rss / MiB).toFixed(1)), afterChangesAndIdle: Number((steady.rss / MiB).toFixed(1)) },
      memoryPerStream: { opened: perStream(after), afterChangesAndIdle: perStream(steady) },
      oneChangeAtATimeMs: percentiles(single),
      hundredChangesInOneCommitMs: percentiles(burst),
      goal: "p99 < 200 ms, < 64 KiB per stream",
    };
  } finally {
    for (const stream of streams) stream.close();
    await client.end();
    await server.stop();
  }
}
