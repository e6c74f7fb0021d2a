import { getDb } from "../db";
import { lockAdmission, requestDispatch } from "./run/dispatch-tasks";

/**
 * Pauses or resumes admission. The change is made under the admission lock, so once it returns no
 * admission that read the old value is still under way; resuming wakes the dispatcher in the same
 * transaction.
 */
export async function setAdmissionPaused(paused: boolean): Promise<{ paused: boolean }> {
  await getDb().$transaction(async (tx) => {
    await lockAdmission(tx);
    const change = { admissionPaused: paused, updatedAt: new Date() };
    await tx.operatorSettings.upsert({ where: { id: true }, create: change, update: change });
    if (!paused) await requestDispatch({ tx, reason: "admission resumed" });
  });
  return { paused };
}
