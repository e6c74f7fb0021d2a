import type { Locale } from "../../i18n/routing";
import type { StoredTaskView } from "../tasks/task-view";
import { serverTranslator } from "../i18n/server-translator";

export type TaskEmailParts = {
  /** The task as it ended, its error already in `locale`. */
  task: StoredTaskView;
  locale: Locale;
  /** The site the visitor uses, e.g. https://clipclean.example. */
  origin: string;
  unsubscribeUrl: string;
};

/** The subject and plain text of the mail that tells a visitor a task ended: what, how, which files, where to look. */
export function composeTaskEmail({ task, locale, origin, unsubscribeUrl }: TaskEmailParts): { subject: string; text: string } {
  const t = serverTranslator(locale);
  const type = t(`taskType.${task.type}`);
  const status = t(`taskStatus.${task.status}`);
  const names = (files: { name: string }[]) => files.map((file) => file.name).join(", ");
  const lines = [
    t("email.taskIntro", { type, status }),
    "",
    ...(task.inputs.length > 0 ? [t("email.files", { names: names(task.inputs) })] : []),
    ...(task.outputs.length > 0 ? [t("email.results", { names: names(task.outputs) })] : []),
    ...(task.error ? [t("email.error", { message: task.error.message })] : []),
    "",
    t("email.link", { url: `${origin}/${locale}/tasks/${task.id}` }),
    "",
    "--",
    t("email.unsubscribe", { url: unsubscribeUrl }),
  ];
  return { subject: t("email.taskSubject", { type, shortId: task.shortId, status }), text: lines.join("\n") };
}
