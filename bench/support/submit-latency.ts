import type { getDb } from "../../lib/db";
import type { requestDispatch as RequestDispatch } from "../../lib/tasks/run/dispatch-tasks";

type Submitter = { db: ReturnType<typeof getDb>; requestDispatch: typeof RequestDispatch; visitorId: string; fileId: string };

/**
 * Submits one small thumbnail as the API does (task row + dispatch wake-up in one transaction), waits for it to
 * end and returns its submit → running latency: from just before the submitting transaction to its startedAt.
 */
export async function submitLatencyMs({ db, requestDispatch, visitorId, fileId }: Submitter): Promise<number> {
  const submittedAt = Date.now();
  const taskId = await db.$transaction(async (tx) => {
    const task = await tx.task.create({
      data: { visitorId, type: "thumbnail", params: { width: 32 }, expiresAt: new Date(Date.now() + 86_400_000), inputs: { create: [{ fileId, position: 0 }] } },
    });
    await requestDispatch({ tx });
    return task.id;
  });
  let task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
  while (task.status !== "completed" && task.status !== "failed") {
    await new Promise((resolve) => setTimeout(resolve, 5));
    task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
  }
  return task.startedAt!.getTime() - submittedAt;
}
