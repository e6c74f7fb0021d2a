import { mergeInputCount, regionSchema, type Region } from "@/lib/tasks/task-params";
import type { TaskType } from "../../client/types";
import type { UploadItem } from "./use-uploads";

export type TaskFormState = { type: TaskType; items: UploadItem[]; region: Region | null; width: number; atSecond: number };

export type FormProblem = "needFile" | "waitUploads" | "notAVideo" | "regionMissing" | "mergeCount";

export type CheckedForm = { problem: FormProblem } | { problem: null; body: unknown };

/** The POST /api/tasks body for the form, or the first thing the visitor still has to fix. */
export function checkTaskForm({ type, items, region, width, atSecond }: TaskFormState): CheckedForm {
  if (items.some((item) => item.state === "uploading")) return { problem: "waitUploads" };
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
    if (!regionSchema.safeParse(region).success) return { problem: "regionMissing" };
    return { problem: null, body: { type, inputs: [file.id], params: { region } } };
  }
  const params = file.kind === "video" ? { width, atSecond } : { width };
  return { problem: null, body: { type, inputs: [file.id], params } };
}
