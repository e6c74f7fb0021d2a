import { getDb } from "../db";
import { BOSS_SCHEMA } from "../queue/create-boss";
import { getBoss } from "../queue/get-boss";

export type Health = {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
  queue: "ok" | "unreachable";
  checkedAt: string;
};

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** Whether the database answers and this process's queue client is started on it. */
export async function checkHealth(): Promise<Health> {
  const db = getDb();
  const database = await withTimeout(db.$queryRawUnsafe("SELECT 1"))
    .then(() => "ok" as const)
    .catch(() => "unreachable" as const);
  const queue =
    database === "ok"
      ? await withTimeout(getBoss().then(() => db.$queryRawUnsafe(`SELECT version FROM "${BOSS_SCHEMA}".version`)))
          .then(() => "ok" as const)
          .catch(() => "unreachable" as const)
      : "unreachable";
  const ok = database === "ok" && queue === "ok";
  return { status: ok ? "ok" : "unavailable", database, queue, checkedAt: new Date().toISOString() };
}
