import type { Locale } from "../../i18n/routing";
import { serverTranslator } from "../i18n/server-translator";
import type { StoredTaskView } from "../tasks/task-view";

/** What a push tells a device when a task ended: the JSON its service worker shows as a notification. */
export type TaskPushMessage = {
  type: `task.${"completed" | "failed" | "cancelled"}`;
  task: { id: string; type: StoredTaskView["type"]; status: StoredTaskView["status"] };
  title: string;
  body: string;
  url: string;
};

/**
 * The notification for a task that ended, in `locale`: which task and how it ended as the title, its
 * results or its error (already in `locale`) as the body, and the task's page to open.
 */
export function composeTaskPush({ task, locale, origin }: { task: StoredTaskView; locale: Locale; origin: string }): TaskPushMessage {
  const t = serverTranslator(locale);
  const status = task.status === "completed" || task.status === "failed" ? task.status : "cancelled";
  const type = t(`taskType.${task.type}`);
  const body =
    status === "completed"
      ? t("push.completedBody", { names: task.outputs.map((file) => file.name).join(", ") })
      : status === "failed"
        ? (task.error?.message ?? t("push.failedBody"))
        : t("push.cancelledBody");
  return {
    type: `task.${status}`,
    task: { id: task.id, type: task.type, status: task.status },
    title: t("push.title", { type, shortId: task.shortId, status: t(`taskStatus.${task.status}`) }),
    body,
    url: `${origin}/${locale}/tasks/${task.id}`,
  };
}
