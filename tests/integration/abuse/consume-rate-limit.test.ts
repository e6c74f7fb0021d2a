import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consumeRateLimit, deleteOldRateWindows } from "@/lib/abuse/rate-limits";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

describe("consumeRateLimit", () => {
  it("lets exactly `limit` of many simultaneous actions through", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => consumeRateLimit({ key, limit: 15 })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(15);
    for (const result of results.filter((result) => result.status === "rejected")) {
      expect(result.reason).toBeInstanceOf(AppError);
      expect((result.reason as AppError).code).toBe("rate_limited");
    }
  });

  it("tells how long until the window frees, and starts afresh in the next window", async () => {
    const key = `test:${randomUUID()}`;
    const windowStart = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const now = windowStart + 3_600_000 - 90_500; // 90.5 s before the window ends
    await consumeRateLimit({ key, limit: 1, now });
    const refusal = await consumeRateLimit({ key, limit: 1, now }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).details.retryAfterSeconds).toBe(91);
    await expect(consumeRateLimit({ key, limit: 1, now: now + 91_000 })).resolves.toBeUndefined();
  });
});

describe("deleteOldRateWindows", () => {
  it("deletes windows that ended and keeps the current ones", async () => {
    const db = getDb();
    const key = `test:${randomUUID()}`;
    const hour = 3_600_000;
    const now = Date.now();
    const currentWindow = new Date(Math.floor(now / hour) * hour);
    await db.rateLimit.createMany({
      data: [
        { key, windowStart: new Date(currentWindow.getTime() - 3 * hour), count: 4 },
        { key, windowStart: currentWindow, count: 2 },
      ],
    });
    expect(await db.rateLimit.count({ where: { key } })).toBe(2);
    expect(await deleteOldRateWindows({ now })).toBeGreaterThanOrEqual(1);
    const left = await db.rateLimit.findMany({ where: { key } });
    expect(left).toHaveLength(1);
    expect(left[0]!.windowStart).toEqual(currentWindow);
  });

  it("keeps a daily window for the whole day", async () => {
    const key = `test:${randomUUID()}`;
    const day = 86_400_000;
    const now = Math.floor(Date.now() / day) * day + 5 * 3_600_000;
    await consumeRateLimit({ key, limit: 1, windowSeconds: 86_400, now });
    await deleteOldRateWindows({ now });
    await expect(consumeRateLimit({ key, limit: 1, windowSeconds: 86_400, now })).rejects.toMatchObject({ code: "rate_limited" });
    await deleteOldRateWindows({ now: now + day });
    await expect(consumeRateLimit({ key, limit: 1, windowSeconds: 86_400, now: now + day })).resolves.toBeUndefined();
  });
});
