/**
 * `npm run soak -- --minutes N` (default 30): the whole stack under ten times the original plan's
 * acceptance load, with faults. 100 visitors upload small generated clips, ask for tasks of every type
 * (500 over 30 minutes, proportionally fewer in a shorter run), poll them and download what they
 * produce, while a worker is SIGKILLed every ~90 s (and replaced) and PostgreSQL is stopped and started
 * once. At the end it checks: no task lost, no output stored twice, none stuck, no 5xx but 503 while
 * the database was down, no process crashed, and every process's memory and open files flat (slopes
 * printed; judged only when a process was seen for 5 minutes after its warm-up, so a short run checks
 * the rest and prints the slopes). Exit status 0 only if all of that held; nothing is left running or
 * on disk.
 */
import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { makeVideo } from "../tests/support/media-fixtures";
import { processRss } from "./support/process-rss";
import { checkSoakTasks, countActive } from "./support/soak-checks";
import { runSoakLoad, type HttpRecord } from "./support/soak-load";
import { openFileCount, startSoakStack, type DatabaseOutage } from "./support/soak-stack";
import { FLAT_FDS_PER_MIN, FLAT_RSS_KIB_PER_MIN, judgeFlatness, MIN_JUDGED_SPAN_MS, soakFailures, warmUpMs, type ResourceSample } from "./support/soak-verdict";

const VISITORS = 100;
const TASKS_PER_30_MINUTES = 500;
const TASK_TYPES = ["thumbnail", "watermark", "merge"] as const;
const WORKER_KILL_EVERY_MS = 90_000;
const SAMPLE_EVERY_MS = 5_000;
/** Tasks are asked for during the first three quarters of the run, so the last ones can finish in it. */
const CREATION_SHARE = 0.75;
/** How long after the run the soak waits for the last tasks to end before it calls them stuck. */
const DRAIN_MS = 180_000;
/** After the database is back, clients may still meet a 503 from a request that began while it was down. */
const OUTAGE_GRACE_MS = 15_000;

const { values } = parseArgs({ options: { minutes: { type: "string", default: "30" } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) {
  console.error("--minutes must be a positive number");
  process.exit(2);
}
const runMs = minutes * 60_000;
const log = (line: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const stack = await startSoakStack(log);
const clips: string[] = [];
let stopping: Promise<void> | undefined;
const stopStack = () => (stopping ??= stack.stop());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping the stack`);
    void stopStack().finally(() => process.exit(130));
  });
}

try {
  clips.push(...(await Promise.all([0, 1, 2].map(() => makeVideo({ seconds: 2, width: 160, height: 120 })))));
  const taskCount = Math.max(TASK_TYPES.length, Math.round((TASKS_PER_30_MINUTES * minutes) / 30));
  const tasks = Array.from({ length: taskCount }, (_, index) => ({
    atMs: (index / taskCount) * runMs * CREATION_SHARE,
    request: { type: TASK_TYPES[index % TASK_TYPES.length]! },
  }));
  log(`${minutes} min: ${VISITORS} visitors, ${taskCount} tasks, a worker killed every ${WORKER_KILL_EVERY_MS / 1000} s, PostgreSQL restarted at ${Math.round((runMs * 0.4) / 1000)} s`);

  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const samples = new Map<string, ResourceSample[]>();
  const records: HttpRecord[] = [];
  const outages: DatabaseOutage[] = [];
  const faults: string[] = [];
  let running = true;

  const sampler = (async () => {
    while (running) {
      await stack.reviveCrashed();
      for (const { name, pid } of stack.processes()) {
        const rssKiB = processRss(pid) / 1024;
        if (rssKiB === 0) continue;
        const list = samples.get(name) ?? [];
        list.push({ atMs: elapsed(), rssKiB, fds: openFileCount(pid) });
        samples.set(name, list);
      }
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  const faultsDone = (async () => {
    const restartAt = runMs * 0.4;
    let nextKill = WORKER_KILL_EVERY_MS / 2;
    let restarted = false;
    while (elapsed() < runMs) {
      if (!restarted && elapsed() >= restartAt) {
        restarted = true;
        const outage = await stack.restartDatabase();
        outages.push({ downAtMs: outage.downAtMs - started, upAtMs: outage.upAtMs - started });
        faults.push(`PostgreSQL restarted: down ${((outage.upAtMs - outage.downAtMs) / 1000).toFixed(1)} s`);
        log(faults.at(-1)!);
      }
      if (elapsed() >= nextKill) {
        nextKill += WORKER_KILL_EVERY_MS;
        const killedAt = elapsed();
        const name = await stack.killWorker();
        faults.push(`${name} SIGKILLed at ${(killedAt / 1000).toFixed(0)} s, a new worker ready ${((elapsed() - killedAt) / 1000).toFixed(1)} s later`);
        log(faults.at(-1)!);
      }
      await sleep(500);
    }
  })();

  const load = await runSoakLoad({
    baseUrl: stack.baseUrl,
    visitors: VISITORS,
    tasks,
    clips,
    creationEndsAtMs: runMs * CREATION_SHARE,
    giveUpAtMs: runMs + DRAIN_MS,
    record: (entry) => records.push(entry),
  });
  await faultsDone;
  const ids = load.accepted.map((task) => task.id);
  while (elapsed() < runMs + DRAIN_MS && (await countActive(stack.databaseUrl, ids)) > 0) await sleep(2_000);
  running = false;
  await sampler;

  const checks = await checkSoakTasks({ databaseUrl: stack.databaseUrl, dataDir: stack.dataDir, accepted: load.accepted });
  const duringOutage = (atMs: number) => outages.some((outage) => atMs >= outage.downAtMs && atMs <= outage.upAtMs + OUTAGE_GRACE_MS);
  const statuses: Record<string, number> = {};
  for (const record of records) statuses[record.status] = (statuses[record.status] ?? 0) + 1;
  const badAnswers = records.filter((record) => record.status === 0 || (record.status >= 500 && !(record.status === 503 && duringOutage(record.atMs))));
  // Judged under the full load only, while visitors still upload and ask for tasks: once they stop, memory and
  // connections fall, and a fit that runs into that tail hides growth under load.
  const loadEndsAtMs = runMs * CREATION_SHARE;
  const processes = Object.fromEntries(
    [...samples].map(([name, list]) => [name, judgeFlatness(list.filter((sample) => sample.atMs <= loadEndsAtMs), warmUpMs(runMs))]),
  );
  // The lowest and highest of each 30 s, for reading the shape behind a slope.
  const timelines = Object.fromEntries(
    [...samples].map(([name, list]) => {
      const windows = Map.groupBy(list, (sample) => Math.floor((sample.atMs - list[0]!.atMs) / 30_000));
      const range = (values: number[]) => `${Math.min(...values)}-${Math.max(...values)}`;
      return [
        name,
        {
          rssMiB: [...windows.values()].map((window) => range(window.map((sample) => Math.round(sample.rssKiB / 1024)))).join(" "),
          fds: [...windows.values()].map((window) => range(window.map((sample) => sample.fds))).join(" "),
        },
      ];
    }),
  );
  const counts = {
    /** Planned tasks the service never accepted (their visitor's upload or request was refused, or the run gave up). */
    tasksNotAccepted: taskCount - load.accepted.length,
    tasksLost: checks.tasksLost,
    tasksFailed: checks.tasksFailed,
    duplicatedOutputs: checks.duplicatedOutputs,
    stuck: checks.stuck,
    serverErrors: badAnswers.length,
    refusedRequests: load.unexpected.length,
    badDownloads: load.badDownloads,
    crashes: stack.crashes.length,
  };
  const failures = soakFailures(counts, processes);

  console.log(
    JSON.stringify(
      {
        minutes,
        ranForMinutes: Number((elapsed() / 60_000).toFixed(2)),
        visitors: VISITORS,
        uploads: load.uploads,
        downloads: load.downloads,
        requests: records.length,
        statuses,
        serverErrorExamples: badAnswers.slice(0, 10),
        webOutputTail: badAnswers.length > 0 ? stack.webOutput().slice(-4_000) : undefined,
        refusedExamples: load.unexpected.slice(0, 10),
        faults,
        tasks: checks,
        counts,
        crashes: stack.crashes.map((crash) => crash.slice(0, 500)),
        processes,
        timelines,
        thresholds: `flat: ≤ ${FLAT_RSS_KIB_PER_MIN} KiB/min RSS and ≤ ${FLAT_FDS_PER_MIN} fds/min (slope of each minute's floor), fitted after each process's first ${warmUpMs(runMs) / 1000} s until the load ends at ${loadEndsAtMs / 1000} s; judged when seen ≥ ${MIN_JUDGED_SPAN_MS / 60_000} min after that`,
        verdict: failures.length === 0 ? "held" : failures,
      },
      null,
      2,
    ),
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopStack();
  await Promise.all(clips.map((clip) => rm(dirname(clip), { recursive: true, force: true })));
  log("stack stopped");
}
// Everything the soak started is stopped; a stray timer or socket must not hold the process open.
setTimeout(() => process.exit(), 5_000).unref();
