import { errorStatus } from "../../lib/errors";
import { inPool, type UploadRecord } from "./run-uploads";

export type TaskType = "watermark" | "merge" | "thumbnail";

export type TaskRecord = {
  itemId: string;
  type: TaskType;
  createStatus: number;
  /** completed | failed | cancelled, or `stuck` when it did not end within the bound. */
  finalStatus: string;
  errorCode?: string;
  problems: string[];
};

export type TaskRunOptions = { baseUrl: string; concurrency: number; endWithinMs: number };

const FINAL = new Set(["completed", "failed", "cancelled"]);

function bodiesFor(record: UploadRecord): { type: TaskType; body: object }[] {
  const file = record.file!;
  const thumbnail = { type: "thumbnail" as const, body: { type: "thumbnail", inputs: [file.id], params: { width: 64 } } };
  if (file.kind !== "video") return [thumbnail];
  const region = { x: 0, y: 0, width: Math.max(1, Math.floor(file.width / 4)), height: Math.max(1, Math.floor(file.height / 4)) };
  return [
    { type: "watermark", body: { type: "watermark", inputs: [file.id], params: { region } } },
    { type: "merge", body: { type: "merge", inputs: [file.id, file.id] } },
    thumbnail,
  ];
}

type ApiAnswer = { status: number; json: Record<string, unknown> };

async function api(baseUrl: string, cookie: string, path: string, body?: object): Promise<ApiAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body ? "POST" : "GET",
    headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, json: text.startsWith("{") ? JSON.parse(text) : {} };
}

type TaskView = { id: string; status: string; error: { code: string } | null };

async function runOne(options: TaskRunOptions, record: UploadRecord, type: TaskType, body: object): Promise<TaskRecord> {
  const base = { itemId: record.item.id, type };
  const cookie = record.visitor.cookie;
  const created = await api(options.baseUrl, cookie, "/api/tasks", body).catch((error: unknown): ApiAnswer => ({ status: 0, json: { error: { code: String(error) } } }));
  if (created.status !== 202) {
    const code = (created.json.error as { code?: string } | undefined)?.code;
    return { ...base, createStatus: created.status, finalStatus: "refused", errorCode: code, problems: [`task creation answered ${created.status} ${code ?? ""}`] };
  }
  let task = created.json.task as TaskView;
  const problems: string[] = [];
  const deadline = Date.now() + options.endWithinMs;
  while (!FINAL.has(task.status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const read = await api(options.baseUrl, cookie, `/api/tasks/${task.id}`).catch((): ApiAnswer => ({ status: 0, json: {} }));
    if (read.status === 200) task = read.json.task as TaskView;
    else if (read.status === 0 || read.status >= 500) problems.push(`reading the task answered ${read.status}`);
  }
  if (!FINAL.has(task.status)) problems.push(`stuck in ${task.status} after ${options.endWithinMs} ms`);
  const errorCode = task.error?.code;
  if (task.status === "failed" && !(errorCode && errorCode in errorStatus)) problems.push(`failed with unknown code ${errorCode}`);
  return { ...base, createStatus: 202, finalStatus: FINAL.has(task.status) ? task.status : "stuck", errorCode, problems };
}

/**
 * For each accepted upload, creates every task type that applies to it (watermark with a region inside the
 * frame, merge with itself twice, thumbnail) and waits, bounded, for each to end.
 */
export async function runTasks(uploads: UploadRecord[], options: TaskRunOptions): Promise<TaskRecord[]> {
  const jobs = uploads.filter((record) => record.file).flatMap((record) => bodiesFor(record).map((job) => ({ record, ...job })));
  return inPool(jobs, options.concurrency, ({ record, type, body }) => runOne(options, record, type, body));
}
