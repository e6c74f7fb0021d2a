/**
 * With 100,000 tasks in the database (200 visitors × 500), 200 concurrent pollers each read their own
 * tasks once a second, as the task pages do: GET /api/tasks/:id, then GET /api/tasks. The same pollers
 * then poll back to back to find the server's ceiling. Last, 50 visitors create tasks: POST /api/tasks.
 */
import { sealData } from "iron-session";
import pg from "pg";
import { BENCH_SESSION_SECRET, percentiles, startBenchServer } from "./support/bench-server";
import { timedRequest } from "./support/http-timer";

const VISITORS = 200;
const TASKS = 100_000;
const POSTERS = 50;
const PHASE_MS = 20_000;
const SATURATION_MS = 8_000;
const WARMUP_MS = 3_000;
const POLL_INTERVAL_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function seed(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`
    INSERT INTO visitors (id) SELECT 'bench-visitor-' || v FROM generate_series(0, ${VISITORS + POSTERS - 1}) v;
    INSERT INTO files (id, visitor_id, origin, name, size, mime, kind, width, height, duration_sec, storage_key, expires_at)
      SELECT 'bench-file-' || v, 'bench-visitor-' || v, 'upload', 'clip-' || v || '.mp4', 1000000, 'video/mp4', 'video', 320, 240, 2,
             'uploads/bench-' || v, now() + interval '1 day'
      FROM generate_series(0, ${VISITORS + POSTERS - 1}) v;
    INSERT INTO tasks (id, visitor_id, type, status, progress, params, created_at, updated_at, finished_at, expires_at)
      SELECT 'bench-task-' || g, 'bench-visitor-' || (g % ${VISITORS}), 'thumbnail',
             (CASE WHEN g % 50 = 0 THEN 'pending' ELSE 'completed' END)::task_status,
             (CASE WHEN g % 50 = 0 THEN 0 ELSE 100 END), '{"width": 256, "atSecond": 1}',
             now() - g * interval '1 second', now(), (CASE WHEN g % 50 = 0 THEN NULL ELSE now() END), now() + interval '1 day'
      FROM generate_series(1, ${TASKS}) g;
    INSERT INTO task_inputs (task_id, position, file_id)
      SELECT 'bench-task-' || g, 0, 'bench-file-' || (g % ${VISITORS}) FROM generate_series(1, ${TASKS}) g;
  `);
  await client.query("VACUUM ANALYZE"); // what autovacuum would have done by then

  await client.end();
}

export const cookieFor = async (visitor: number) =>
  `clipclean_session=${await sealData({ visitorId: `bench-visitor-${visitor}`, seenAt: Date.now() }, { password: BENCH_SESSION_SECRET, ttl: 30 * 24 * 3600 })}`;

/**
 * Each visitor polls `path(visitor)` every `intervalMs` (0: back to back) for `phaseMs`; latencies after
 * the warm-up count.
 */
async function poll(baseUrl: string, cookies: string[], path: (visitor: number) => string, intervalMs: number, phaseMs: number) {
  const samples: number[] = [];
  const failures: Record<number, number> = {};
  const started = performance.now();
  await Promise.all(
    cookies.map(async (cookie, visitor) => {
      if (intervalMs > 0) await sleep(Math.random() * intervalMs);
      while (performance.now() - started < phaseMs) {
        const { status, ms } = await timedRequest(`${baseUrl}${path(visitor)}`, { cookie });
        if (status !== 200) failures[status] = (failures[status] ?? 0) + 1;
        if (performance.now() - started > WARMUP_MS) samples.push(ms);
        if (intervalMs > 0) await sleep(Math.max(0, intervalMs - ms));
      }
    }),
  );
  const seconds = (phaseMs - WARMUP_MS) / 1000;
  return { ...percentiles(samples), requestsPerSecond: Math.round(samples.length / seconds), failures };
}

async function create(baseUrl: string) {
  const samples: number[] = [];
  const statuses: Record<number, number> = {};
  const started = performance.now();
  await Promise.all(
    Array.from({ length: POSTERS }, async (_, index) => {
      const visitor = VISITORS + index;
      const cookie = await cookieFor(visitor);
      const body = JSON.stringify({ type: "thumbnail", inputs: [`bench-file-${visitor}`] });
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const { status, ms } = await timedRequest(`${baseUrl}/api/tasks`, { method: "POST", cookie, body });
        statuses[status] = (statuses[status] ?? 0) + 1;
        samples.push(ms);
      }
    }),
  );
  const requestsPerSecond = Math.round(samples.length / ((performance.now() - started) / 1000));
  return { ...percentiles(samples), requestsPerSecond, concurrency: POSTERS, statuses };
}

export default async function benchTasks() {
  const server = await startBenchServer();
  try {
    const seedStarted = performance.now();
    await seed(server.databaseUrl);
    const seedSeconds = Number(((performance.now() - seedStarted) / 1000).toFixed(1));
    const cookies = await Promise.all(Array.from({ length: VISITORS }, (_, visitor) => cookieFor(visitor)));
    const taskOf = (visitor: number) => `bench-task-${visitor + VISITORS * (1 + Math.floor(Math.random() * (TASKS / VISITORS - 1)))}`;
    const getPath = (visitor: number) => `/api/tasks/${taskOf(visitor)}`;
    const listPath = () => "/api/tasks";
    return {
      tasks: TASKS,
      pollers: VISITORS,
      seedSeconds,
      "GET /api/tasks/:id, each poller once a second": await poll(server.baseUrl, cookies, getPath, POLL_INTERVAL_MS, PHASE_MS),
      "GET /api/tasks, each poller once a second": await poll(server.baseUrl, cookies, listPath, POLL_INTERVAL_MS, PHASE_MS),
      "GET /api/tasks/:id, back to back": await poll(server.baseUrl, cookies, getPath, 0, SATURATION_MS),
      "GET /api/tasks, back to back": await poll(server.baseUrl, cookies, listPath, 0, SATURATION_MS),
      "POST /api/tasks": await create(server.baseUrl),
      goalP99Ms: 25,
    };
  } finally {
    await server.stop();
  }
}
