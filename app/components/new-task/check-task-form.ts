import { mergeInputCount } from "@/lib/tasks/types/merge-rules";
import { regionSchema } from "@/lib/tasks/types/watermark-rules";
import { isConfidentWatermark, type WatermarkView } from "@/lib/files/file-view";
import type { TaskType } from "@/lib/tasks/task-view";
import type { UploadItem } from "./use-uploads";
import type { WatermarkChoice } from "./watermark-settings";

/** Whether the item's bytes are still on their way (a paused upload too). */
export const isUnfinished = (item: UploadItem) => item.state === "uploading" || item.state === "paused";

/** `detected`: the first file's watermarks as the analysis left them (null while it runs). */
export type TaskFormState = { type: TaskType; items: UploadItem[]; watermark: WatermarkChoice & { detected: WatermarkView[] | null }; width: number; atSecond: number };

export type FormProblem = "needFile" | "waitUploads" | "notAVideo" | "regionMissing" | "mergeCount";

export type CheckedForm = { problem: FormProblem } | { problem: null; body: unknown };

/** The POST /api/tasks body for the form, or the first thing the visitor still has to fix. */
export function checkTaskForm({ type, items, watermark, width, atSecond }: TaskFormState): CheckedForm {
  if (items.some(isUnfinished)) return { problem: "waitUploads" };
  const stored = items.flatMap((item) => (item.state === "done" && item.file ? [item.file] : []));
  if (type === "merge") {
    if (stored.length < mergeInputCount.min || stored.length > mergeInputCount.max) return { problem: "mergeCount" };
    if (stored.some((file) => file.kind !== "video")) return { problem: "notAVideo" };
    return { problem: null, body: { type, inputs: stored.map((file) => file.id) } };
  }
  const file = stored[0];
  if (!file) return { problem: "needFile" };
  if (type === "watermark") {
    if (file.kind !== "video") return { problem: "notAVideo" };
    // Without a method the server picks the best one for each area.
    const method = watermark.method === null ? {} : { method: watermark.method };
    // The confident marks while the analysis runs is fine: the task waits for it.
    const confident = watermark.detected === null || watermark.detected.some(isConfidentWatermark);
    if (watermark.auto && confident) return { problem: null, body: { type, inputs: [file.id], params: { regions: "auto", ...method } } };
    const regions = watermark.regions.filter((region) => regionSchema.safeParse(region).success && region.width > 0 && region.height > 0);
    if (regions.length === 0) return { problem: "regionMissing" };
    return { problem: null, body: { type, inputs: [file.id], params: { regions, ...method } } };
  }
  const params = file.kind === "video" ? { width, atSecond } : { width };
  return { problem: null, body: { type, inputs: [file.id], params } };
}
