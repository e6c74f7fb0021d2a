import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { makeVideo } from "../../support/media-fixtures";
import { runTaskToEnd } from "../../support/run-task-to-end";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { withWorker } from "../../support/with-worker";
import { storedKeys } from "../../support/stored-keys";

const quota = 64 * 1024 * 1024;
withWorker({ MAX_STORED_BYTES_PER_VISITOR: String(quota) });

/** A visitor with two stored clips and, when `leaveFree` is given, other files filling the quota up to it. */
async function visitorWithClips(leaveFree?: number): Promise<{ visitorId: string; inputs: string[] }> {
  const visitorId = await createVisitor();
  const clip = await makeVideo({ seconds: 2, width: 320, height: 240 });
  const inputs = [await storeUpload(visitorId, clip), await storeUpload(visitorId, clip)];
  if (leaveFree !== undefined) {
    const { _sum } = await getDb().file.aggregate({ where: { visitorId }, _sum: { size: true } });
    await getDb().file.create({
      data: {
        visitorId, origin: "upload", name: "earlier.mp4", size: BigInt(quota - leaveFree) - (_sum.size ?? 0n), mime: "video/mp4",
        kind: "video", width: 1, height: 1, storageKey: `uploads/earlier-${visitorId}`, expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
  }
  return { visitorId, inputs };
}

describe("a task's output and the visitor's storage quota", () => {
  test("an output that would pass the quota fails the task with storage_quota_exceeded and is not kept", async () => {
    const { visitorId, inputs } = await visitorWithClips(1024);

    const task = await runTaskToEnd({ visitorId, type: "merge", inputs });

    expect(task.status).toBe("failed");
    expect(task.errorCode).toBe("storage_quota_exceeded");
    expect(task.outputs).toEqual([]);
    expect(await storedKeys(`outputs/${task.id}/`)).toEqual([]);
    expect(task.logs.some((log) => log.message.includes("Running again"))).toBe(false);
    const { _sum } = await getDb().file.aggregate({ where: { visitorId }, _sum: { size: true } });
    expect(Number(_sum.size)).toBeLessThanOrEqual(quota);
  });

  test("an output that fits is kept and counts against the quota", async () => {
    const { visitorId, inputs } = await visitorWithClips();

    const task = await runTaskToEnd({ visitorId, type: "merge", inputs });

    expect(task.status, task.errorMessage ?? "").toBe("completed");
    const output = task.outputs[0]!;
    const stored = await getDb().file.aggregate({ where: { visitorId, origin: "output" }, _sum: { size: true } });
    expect(stored._sum.size).toBe(output.size);
  });
});
