import { Link } from "@/i18n/navigation";

type Props = { title: string; body?: string; actionLabel: string };

/** What a list page shows when it has nothing to list: why, and a way to start (New task). */
export function EmptyState({ title, body, actionLabel }: Props) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-slate-300 bg-white px-4 py-12 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      {body && <p className="max-w-md text-slate-600">{body}</p>}
      <Link href="/tasks/new" className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700">
        {actionLabel}
      </Link>
    </div>
  );
}
