import type { CorpusItem } from "./corpus-item";
import { DEFAULT_MEDIA_LIMITS, type MediaLimits, type Problem } from "./judge-upload";
import { runTasks, type TaskRecord } from "./run-tasks";
import { runUploads, type UploadRecord } from "./run-uploads";
import { isRunning, toolProcesses, type ToolProcess } from "./tool-processes";

export type FuzzRunOptions = {
  baseUrl: string;
  serverPid: number;
  workerPids: number[];
  items: CorpusItem[];
  hangMs?: number;
  quickRefusalMs?: number;
  limits?: MediaLimits;
  uploadConcurrency?: number;
  itemsPerVisitor?: number;
  /** At most this many accepted uploads get tasks (spread over the families). */
  taskFiles?: number;
  taskConcurrency?: number;
  taskEndWithinMs?: number;
  /** How long ffmpeg/ffprobe children may take to go away once the requests and tasks have ended. */
  settleMs?: number;
  log?: (line: string) => void;
  /** Called with the uploads' part of the report before the (slower) task phase starts. */
  onUploadsDone?: (partial: FuzzReport) => void;
};

export type FuzzReport = {
  uploads: UploadRecord[];
  tasks: TaskRecord[];
  leftoverAfterUploads: ToolProcess[];
  leftoverAtEnd: ToolProcess[];
  workersAlive: boolean[];
  durationMs: number;
};

export const formatProblems = (problems: Problem[]) => problems.map((problem) => `${problem.kind}: ${problem.detail}`).join("; ");

async function settledTools(rootPids: number[], settleMs: number): Promise<ToolProcess[]> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    const left = await toolProcesses(rootPids);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Up to `count` accepted uploads, taken round-robin across families so that every family's survivors are exercised. */
function pickForTasks(uploads: UploadRecord[], count: number): UploadRecord[] {
  const accepted = uploads.filter((record) => record.file);
  const families = [...new Set(accepted.map((record) => record.item.family))];
  const queues = families.map((family) => accepted.filter((record) => record.item.family === family));
  const picked: UploadRecord[] = [];
  while (picked.length < Math.min(count, accepted.length)) {
    for (const queue of queues) if (queue.length && picked.length < count) picked.push(queue.shift()!);
  }
  return picked;
}

/**
 * Sends the items through uploads, then runs tasks on a spread of the accepted ones with real workers, and
 * checks what is left behind: hung ffmpeg/ffprobe processes under the server or workers, dead workers.
 */
export async function runFuzz(options: FuzzRunOptions): Promise<FuzzReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const settleMs = options.settleMs ?? 30_000;
  const uploads = await runUploads(options.items, {
    baseUrl: options.baseUrl,
    hangMs: options.hangMs ?? 30_000,
    quickRefusalMs: options.quickRefusalMs ?? 10_000,
    limits: options.limits ?? DEFAULT_MEDIA_LIMITS,
    concurrency: options.uploadConcurrency ?? 3,
    itemsPerVisitor: options.itemsPerVisitor ?? 100,
    onRecord: (record, done) => {
      if (record.problems.length) log(`[${done}/${options.items.length}] ${record.item.id}: ${formatProblems(record.problems)}`);
      else if (done % 100 === 0) log(`[${done}/${options.items.length}] uploads sent`);
    },
  });
  const leftoverAfterUploads = await settledTools([options.serverPid], settleMs);
  log(`uploads done; ${leftoverAfterUploads.length} ffmpeg/ffprobe processes left under the web server`);
  options.onUploadsDone?.({ uploads, tasks: [], leftoverAfterUploads, leftoverAtEnd: [], workersAlive: [], durationMs: performance.now() - started });
  const tasks = await runTasks(pickForTasks(uploads, options.taskFiles ?? 5), {
    baseUrl: options.baseUrl, concurrency: options.taskConcurrency ?? 2, endWithinMs: options.taskEndWithinMs ?? 120_000,
  });
  const workersAlive = await Promise.all(options.workerPids.map(isRunning));
  const leftoverAtEnd = await settledTools([options.serverPid, ...options.workerPids], settleMs);
  return { uploads, tasks, leftoverAfterUploads, leftoverAtEnd, workersAlive, durationMs: performance.now() - started };
}
