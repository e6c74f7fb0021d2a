"use client";

import { useFormatter, useTranslations } from "next-intl";

type Log = { at: string; level: "info" | "warn" | "error"; message: string };

const levelColour = { info: "text-slate-300", warn: "text-amber-300", error: "text-red-300" } as const;

export function TaskLogs({ logs }: { logs: Log[] }) {
  const t = useTranslations("taskDetail");
  const format = useFormatter();
  if (logs.length === 0) return <p className="text-sm text-slate-500">{t("noLogs")}</p>;
  return (
    <ol className="max-h-72 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
      {logs.map((log, index) => (
        <li key={index} className="break-words">
          <time dateTime={log.at} className="text-slate-400">{format.dateTime(new Date(log.at), { timeStyle: "medium" })}</time>{" "}
          <span className={levelColour[log.level]}>{log.level}</span> {log.message}
        </li>
      ))}
    </ol>
  );
}
