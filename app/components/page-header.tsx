import type { ReactNode } from "react";

/** A page's heading and the sentence under it, with an optional action on the right. */
export function PageHeader({ title, lead, action }: { title: string; lead: string; action?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <p className="text-slate-600">{lead}</p>
      </div>
      {action}
    </header>
  );
}
