/**
 * Places in line and time left, on a database of this file's own (places count every visitor's
 * pending tasks, so other files' leftovers must not be in it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { applyMigrations } from "@/lib/database/apply-migrations";
import { closeDb, getDb } from "@/lib/db";
import { stopBoss } from "@/lib/queue/get-boss";
import { listTasks } from "@/lib/tasks/list-tasks";
import { getTask } from "@/lib/tasks/get-task";
import { dispatchTasks } from "@/lib/tasks/run/dispatch-tasks";
import { seededRandom } from "../../fuzz/seeded-random";
import { startTestBoss } from "../../support/seed-tasks";
import { provisionTestDatabase, type TestDatabase } from "../../support/test-database";

const DAY_MS = 86_400_000;
let database: TestDatabase;

beforeAll(async () => {
  database = await provisionTestDatabase();
  await applyMigrations({ databaseUrl: database.url });
  process.env.DATABASE_URL = database.url;
  // No visitor is held back by the per-visitor cap, so the next admission is the first in line.
  process.env.MAX_RUNNING_PER_VISITOR = "1000";
  await startTestBoss();
});
afterAll(async () => {
  await stopBoss();
  await closeDb();
  await database?.drop();
});

let clock = Date.parse("2026-11-01T00:00:00Z");
const nextTime = () => new Date((clock += 1000));

async function visitor(): Promise<string> {
  return (await getDb().visitor.create({ data: {} })).id;
}

async function task(visitorId: string, status: "pending" | "running" | "completed", startedAt?: Date, priority = 0): Promise<string> {
  const created = await getDb().task.create({
    data: { visitorId, type: "thumbnail", status, createdAt: nextTime(), startedAt, priority, expiresAt: new Date(Date.now() + DAY_MS) },
  });
  return created.id;
}

async function positionsOf(visitorIds: string[]): Promise<Map<string, number>> {
  const positions = new Map<string, number>();
  for (const visitorId of visitorIds) {
    const { tasks } = await listTasks({ visitorId, query: { page: 1, pageSize: 100 } });
    for (const listed of tasks) if (listed.queuePosition !== null) positions.set(listed.id, listed.queuePosition);
  }
  return positions;
}

describe("queuePosition", () => {
  it("follows the fair-share order: fewest running plus place first, then who started least recently", async () => {
    const [a, b, c] = [await visitor(), await visitor(), await visitor()];
    await task(b, "completed", new Date("2026-10-01T00:00:00Z"));
    await task(a, "running", new Date("2026-11-01T00:00:00Z"));
    const [a1, a2, a3] = [await task(a, "pending"), await task(a, "pending"), await task(a, "pending")];
    const [b1, b2] = [await task(b, "pending"), await task(b, "pending")];
    const c1 = await task(c, "pending");

    const positions = await positionsOf([a, b, c]);
    // c has never started anything and b least recently; a has one running, so its first waits behind b's second.
    expect([c1, b1, b2, a1, a2, a3].map((id) => positions.get(id))).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await getTask({ visitorId: a, taskId: a1 })).queuePosition).toBe(4);
    await getDb().task.deleteMany({});
  });

  it("names as first in line the task the dispatcher admits next, round after round, with operators' priorities", async () => {
    const { next: random } = seededRandom(20261123);
    const visitors = await Promise.all(Array.from({ length: 6 }, () => visitor()));
    // Some tasks raised or lowered by an operator: they reorder a visitor's queue and break ties between visitors.
    const priority = () => (random() < 0.3 ? Math.floor(random() * 5) - 2 : 0);
    for (const visitorId of visitors) {
      if (random() < 0.5) await task(visitorId, "completed", new Date(clock - Math.floor(random() * DAY_MS)));
      for (let index = Math.floor(random() * 5); index > 0; index--) await task(visitorId, "pending", undefined, priority());
      if (random() < 0.3) await task(visitorId, "running", new Date(clock - Math.floor(random() * DAY_MS)));
    }
    const limits = getConfig().limits;
    for (let round = 0; round < 25; round++) {
      const positions = await positionsOf(visitors);
      if (positions.size === 0) break;
      // Places are 1..n, each once.
      expect([...positions.values()].sort((x, y) => x - y)).toEqual(Array.from({ length: positions.size }, (_, index) => index + 1));
      const first = [...positions].find(([, position]) => position === 1)![0];

      const running = await getDb().task.count({ where: { status: "running" } });
      limits.maxRunningTotal = running + 1;
      expect(await dispatchTasks()).toBe(1);
      const admitted = await getDb().task.findFirstOrThrow({ where: { status: "running" }, orderBy: { startedAt: "desc" } });
      expect(admitted.id, `round ${round}`).toBe(first);

      // Something finishes now and then, which changes who is ahead.
      if (random() < 0.5) {
        const busy = await getDb().task.findMany({ where: { status: "running" } });
        const done = busy[Math.floor(random() * busy.length)]!;
        await getDb().task.update({ where: { id: done.id }, data: { status: "completed", finishedAt: new Date() } });
      }
      if (random() < 0.3) await task(visitors[Math.floor(random() * visitors.length)]!, "pending", undefined, priority());
    }
  });
});

describe("etaSeconds", () => {
  it("estimates a running task's time left from its progress rate, and is null otherwise", async () => {
    await getDb().task.deleteMany({});
    const owner = await visitor();
    const startedAt = new Date(Date.now() - 30_000);
    const running = await getDb().task.create({
      data: { visitorId: owner, type: "thumbnail", status: "running", progress: 25, startedAt, expiresAt: new Date(Date.now() + DAY_MS) },
    });
    const eta = (await getTask({ visitorId: owner, taskId: running.id })).etaSeconds!;
    // 25 % in 30 s: about 90 s to go.
    expect(eta).toBeGreaterThanOrEqual(90);
    expect(eta).toBeLessThan(95);
    const pending = await task(owner, "pending");
    expect(await getTask({ visitorId: owner, taskId: pending })).toMatchObject({ etaSeconds: null, queuePosition: 1 });
    await getDb().task.update({ where: { id: running.id }, data: { progress: 0 } });
    expect((await getTask({ visitorId: owner, taskId: running.id })).etaSeconds).toBeNull();
  });
});

describe("pipeline steps waiting for the step before them", () => {
  it("are out of line and not admitted until that step has completed", async () => {
    await getDb().task.deleteMany({});
    const owner = await visitor();
    const first = await task(owner, "pending");
    const step = (dependsOn: string) =>
      getDb().task.create({ data: { visitorId: owner, type: "thumbnail", dependsOn, createdAt: nextTime(), expiresAt: new Date(Date.now() + DAY_MS) } });
    const second = (await step(first)).id;
    const third = (await step(second)).id;
    const positions = async () => Promise.all([first, second, third].map(async (taskId) => (await getTask({ visitorId: owner, taskId })).queuePosition));

    expect(await positions()).toEqual([1, null, null]);
    getConfig().limits.maxRunningTotal = 10;
    expect(await dispatchTasks()).toBe(1);
    expect((await getDb().task.findUniqueOrThrow({ where: { id: first } })).status).toBe("running");
    expect(await dispatchTasks(), "the next step waits while the first runs").toBe(0);

    await getDb().task.update({ where: { id: first }, data: { status: "completed", finishedAt: new Date() } });
    expect(await positions()).toEqual([null, 1, null]);
    expect(await dispatchTasks()).toBe(1);
    expect((await getDb().task.findUniqueOrThrow({ where: { id: second } })).status).toBe("running");
  });
});
