import { sendJob, type SendJobOptions } from "./send-job";

/**
 * Asks the workers to admit pending tasks. Pass `tx` to send inside the caller's transaction, so a
 * task row and its wake-up commit or roll back together; queued wake-ups collapse into one.
 */
export async function requestDispatch(options: { tx?: SendJobOptions["tx"]; reason?: string } = {}): Promise<void> {
  await sendJob("taskDispatch", { reason: options.reason }, { tx: options.tx, singletonKey: "dispatch" });
}
