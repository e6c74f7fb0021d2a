/**
 * `npm run fuzz`: sends the whole hostile corpus (tests/fuzz) through POST /api/uploads of a fresh production
 * server with a real worker, runs tasks on what it accepts, and prints what happened. Exits non-zero when any
 * requirement failed. FUZZ_SEED picks another corpus; FUZZ_SAMPLE=1 runs only the sample `npm test` runs;
 * FUZZ_TASK_FILES caps how many accepted uploads get tasks (default 30). Ctrl-C still ends the server, the
 * worker and any hung probe.
 */
import { spawnWorker } from "../tests/support/spawn-worker";
import { startBenchServer } from "./support/bench-server";

const server = await startBenchServer({
  MAX_ACTIVE_TASKS: "1000",
  RATE_LIMIT_NEW_VISITORS_PER_HOUR: "1000000",
  RATE_LIMIT_UPLOADS_PER_HOUR: "1000000",
  RATE_LIMIT_TASKS_PER_HOUR: "1000000",
});
// Four slots, so that a task stuck past its time limit does not hold up all the others.
const workerEnv = { DATABASE_URL: server.databaseUrl, DATA_DIR: server.dataDir, MAX_RUNNING_TOTAL: "4", MAX_RUNNING_PER_VISITOR: "4", TASK_TIMEOUT_MINUTES: "1" };
const worker = await spawnWorker(workerEnv);
// lib/ (through the corpus's ffmpeg lookup) reads the environment: point it at the same folder.
process.env.DATA_DIR = server.dataDir;
const { createDevelopmentSecrets } = await import("../lib/config");
createDevelopmentSecrets();
const { generateCorpus, sampleCorpus, DEFAULT_SEED } = await import("../tests/fuzz/generate-corpus");
const { runFuzz } = await import("../tests/fuzz/run-fuzz");
const { summarizeFuzz } = await import("../tests/fuzz/summarize-fuzz");
const { killProcesses, toolProcesses } = await import("../tests/fuzz/tool-processes");
const { removeBaseMedia } = await import("../tests/fuzz/base-media");

let cleaning: Promise<void> | undefined;
const cleanUp = () =>
  (cleaning ??= (async () => {
    await worker.stop();
    // Hung probes outlive the requests that started them: end them (by pid) before the server goes.
    const leftovers = await toolProcesses([server.pid], { readingUnder: server.dataDir });
    if (leftovers.length) console.log(`ending ${leftovers.length} leftover ffmpeg/ffprobe processes`);
    killProcesses(leftovers);
    await server.stop();
    await removeBaseMedia();
  })());
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().then(() => process.exit(130)));

let failed = true;
try {
  const seed = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);
  const corpus = await generateCorpus({ seed });
  const items = process.env.FUZZ_SAMPLE ? sampleCorpus(corpus) : corpus;
  console.log(`seed ${seed}: ${items.length} items; server ${server.baseUrl} (pid ${server.pid}), worker pid ${worker.pid}`);
  const report = await runFuzz({
    baseUrl: server.baseUrl, serverPid: server.pid, workerPids: [worker.pid], items,
    uploadConcurrency: 4, itemsPerVisitor: 100_000, taskFiles: Number(process.env.FUZZ_TASK_FILES ?? 30), taskConcurrency: 4,
    log: (line) => console.log(line),
    onUploadsDone: (partial) => console.log(`\n${summarizeFuzz(partial)}\n`),
  });
  console.log(`\n${summarizeFuzz(report)}`);
  failed =
    report.uploads.some((record) => record.problems.length > 0) || report.tasks.some((task) => task.problems.length > 0) ||
    report.leftoverAtEnd.length > 0 || report.workersAlive.includes(false);
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
