import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll } from "vitest";
import { stopBoss } from "@/lib/queue/get-boss";
import { startTestBoss } from "./seed-tasks";
import { startWorker, type WorkerProcess } from "./worker-process";

/** A test file's sending boss, started before its tests and stopped after them. */
export function withTestBoss(): { boss: PgBoss } {
  const context = {} as { boss: PgBoss };
  beforeAll(async () => {
    context.boss = await startTestBoss();
  });
  afterAll(async () => {
    await stopBoss();
  });
  return context;
}

/** A sending boss and one worker process (with `env` added) for a test file's tests. */
export function withWorker(env: Record<string, string> = {}): { boss: PgBoss; worker: WorkerProcess } {
  const context = {} as { boss: PgBoss; worker: WorkerProcess };
  beforeAll(async () => {
    context.boss = await startTestBoss();
    context.worker = await startWorker(env);
  });
  afterAll(async () => {
    await context.worker.stop();
    await stopBoss();
  });
  return context;
}
