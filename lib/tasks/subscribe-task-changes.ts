import { listen, type Subscription } from "../database/listen";
import { processSingleton } from "../process-singleton";
import { getTasksById } from "./get-task";
import type { TaskView } from "./task-view";

/** The channel the tasks table's triggers announce changes on (see the task_change_notifications migration). */
const CHANNEL = "task_changes";

/**
 * Called with one of the visitor's tasks as it is now, after it changed (created, or a new status,
 * progress or message), or with null when changes may have been missed (the connection was lost and
 * regained, or the tasks could not be read).
 */
export type TaskChangeListener = (task: TaskView | null) => void;

type Watchers = {
  byVisitor: Map<string, Set<TaskChangeListener>>;
  /** Changed tasks not read yet: every change that arrives while a read runs is read in the next one. */
  changed: Set<string>;
  reading: boolean;
  subscription: Subscription | null;
};

const watchers = processSingleton<Watchers>("task-change-watchers");
const state = () => watchers.get(() => ({ byVisitor: new Map(), changed: new Set(), reading: false, subscription: null }));

const everyListener = (current: Watchers) => [...current.byVisitor.values()].flatMap((set) => [...set]);

/**
 * Reads the changed tasks of this process's listeners in one query, however many arrived together
 * (a worker's batch, or many visitors' progress at once), and hands each to its owner's listeners.
 */
async function readChanged(current: Watchers): Promise<void> {
  if (current.reading) return;
  current.reading = true;
  try {
    while (current.changed.size > 0) {
      const taskIds = [...current.changed];
      current.changed.clear();
      try {
        for (const { visitorId, task } of await getTasksById(taskIds)) {
          for (const listener of current.byVisitor.get(visitorId) ?? []) listener(task);
        }
      } catch {
        for (const listener of everyListener(current)) listener(null);
      }
    }
  } finally {
    current.reading = false;
  }
}

function announced(current: Watchers, payload: string): void {
  const [visitorId, taskId] = payload.split(" ");
  // Only changes someone here listens for are read.
  if (!visitorId || !taskId || !current.byVisitor.has(visitorId)) return;
  current.changed.add(taskId);
  setImmediate(() => void readChanged(current));
}

/**
 * Listens for changes to `visitorId`'s tasks from any process or host (through the process's LISTEN
 * connection, held while anyone here listens); returns the unsubscribe function.
 */
export function subscribeTaskChanges(visitorId: string, listener: TaskChangeListener): () => void {
  const current = state();
  const set = current.byVisitor.get(visitorId) ?? new Set<TaskChangeListener>();
  current.byVisitor.set(visitorId, set);
  set.add(listener);
  current.subscription ??= listen(CHANNEL, {
    notification: (payload) => announced(current, payload),
    resync: () => everyListener(current).forEach((each) => each(null)),
  });
  return () => {
    set.delete(listener);
    if (set.size === 0 && current.byVisitor.get(visitorId) === set) current.byVisitor.delete(visitorId);
    if (current.byVisitor.size > 0) return;
    current.subscription?.close();
    current.subscription = null;
  };
}
