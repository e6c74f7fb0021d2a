import { getConfig } from "../config";
import { consumeRateLimit } from "./consume-rate-limit";

export type VisitorAction = "upload" | "task";

/** Counts one upload request or task creation (new or retried) of the visitor; 429 rate_limited past the hourly limit. */
export async function limitVisitorAction({ visitorId, action }: { visitorId: string; action: VisitorAction }): Promise<void> {
  const { rateLimits } = getConfig().limits;
  const limit = action === "upload" ? rateLimits.uploadsPerHour : rateLimits.tasksPerHour;
  await consumeRateLimit({ key: `${action}:${visitorId}`, limit });
}
