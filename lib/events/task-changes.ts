import pg from "pg";
import { getConfig } from "../config";
import { getTasksById } from "../tasks/get-task";
import type { TaskView } from "../tasks/task-view";

/** The channel the tasks table's triggers announce changes on (see the task_change_notifications migration). */
const CHANNEL = "task_changes";
const RECONNECT_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * Called with one of the visitor's tasks as it is now, after it changed (created, or a new status,
 * progress or message), or with null when changes may have been missed (the connection was lost and
 * regained, or the tasks could not be read).
 */
export type TaskChangeListener = (task: TaskView | null) => void;

const listeners = new Map<string, Set<TaskChangeListener>>();
let client: pg.Client | null = null;
let connecting: Promise<void> | null = null;
let failures = 0;

/** Changed tasks not read yet: every change that arrives while a read runs is read in the next one. */
const changed = new Set<string>();
let reading = false;

/**
 * Reads the changed tasks of this process's listeners in one query, however many arrived together
 * (a worker's batch, or many visitors' progress at once), and hands each to its owner's listeners.
 */
async function readChanged(): Promise<void> {
  if (reading) return;
  reading = true;
  try {
    while (changed.size > 0) {
      const taskIds = [...changed];
      changed.clear();
      try {
        for (const { visitorId, task } of await getTasksById(taskIds)) {
          for (const listener of listeners.get(visitorId) ?? []) listener(task);
        }
      } catch {
        for (const listener of everyListener()) listener(null);
      }
    }
  } finally {
    reading = false;
  }
}

function deliver(payload: string | undefined): void {
  const [visitorId, taskId] = (payload ?? "").split(" ");
  // Only changes someone here listens for are read.
  if (!visitorId || !taskId || !listeners.has(visitorId)) return;
  changed.add(taskId);
  setImmediate(() => void readChanged());
}

function everyListener(): TaskChangeListener[] {
  return [...listeners.values()].flatMap((set) => [...set]);
}

/**
 * One LISTEN connection per process, opened while anyone listens. A lost connection is re-opened with
 * backoff and every listener is told (null) that it may have missed changes.
 */
function ensureListening(): Promise<void> {
  if (client || connecting) return connecting ?? Promise.resolve();
  const next = new pg.Client({ connectionString: getConfig().databaseUrl, application_name: "clipclean-task-events" });
  const lost = () => {
    if (client !== next) return;
    client = null;
    void next.end().catch(() => {});
    scheduleReconnect();
  };
  next.on("notification", (message) => deliver(message.payload));
  next.on("error", lost);
  next.on("end", lost);
  connecting = next
    .connect()
    .then(() => next.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      client = next;
      const recovered = failures > 0;
      failures = 0;
      if (recovered) for (const listener of everyListener()) listener(null);
    })
    .catch(() => {
      void next.end().catch(() => {});
      scheduleReconnect();
    })
    .finally(() => {
      connecting = null;
    });
  return connecting;
}

function scheduleReconnect(): void {
  failures += 1;
  const delay = RECONNECT_MS[Math.min(failures - 1, RECONNECT_MS.length - 1)]!;
  setTimeout(() => {
    if (listeners.size > 0) void ensureListening();
  }, delay).unref();
}

/** Listens for changes to `visitorId`'s tasks from any process or host; returns the unsubscribe function. */
export function subscribeTaskChanges(visitorId: string, listener: TaskChangeListener): () => void {
  let set = listeners.get(visitorId);
  if (!set) listeners.set(visitorId, (set = new Set()));
  set.add(listener);
  void ensureListening();
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(visitorId);
    if (listeners.size === 0 && client) {
      const closing = client;
      client = null;
      void closing.end().catch(() => {});
    }
  };
}
