import { getConfig } from "../config";

/** The time limit of each task type in minutes (its own setting, else the default). */
export function taskTimeoutMinutes(): { watermark: number; merge: number; thumbnail: number } {
  const { taskTimeoutMinutes: fallback, taskTimeoutMinutesByType: byType } = getConfig().limits;
  return { watermark: byType.watermark ?? fallback, merge: byType.merge ?? fallback, thumbnail: byType.thumbnail ?? fallback };
}
