import Link from "next/link";
import { formatBytes } from "@/lib/format/format-bytes";
import { readOperationsOverview, type OperationsOverview } from "@/lib/health/read-operations-overview";
import { listOperatorTasks, operatorTasksQuery, type OperatorTasksQuery } from "@/lib/tasks/list-operator-tasks";
import { localizeTask } from "@/lib/tasks/localize-task";
import { taskStatuses } from "@/lib/tasks/task-states";
import { taskTypes } from "@/lib/tasks/task-view";
import { AdmissionButton, OperatorTaskButtons } from "../components/operators/operator-buttons";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const AGES = [
  { label: "any age", minutes: "" },
  { label: "older than 10 min", minutes: "10" },
  { label: "older than 1 h", minutes: "60" },
  { label: "older than 1 day", minutes: "1440" },
];

const cell = "px-2 py-1.5 text-left align-top";

/** How long ago `iso` was, roughly (the page is rendered for each request). */
function age(iso: string): string {
  const minutes = Math.floor((Date.now() - Date.parse(iso)) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 1440)} d`;
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className="text-2xl font-semibold">{value}</div>
      {note && <div className="text-xs text-slate-500">{note}</div>}
    </div>
  );
}

function Figures({ overview }: { overview: OperationsOverview }) {
  const byType = taskTypes.map((type) => `${type} ${overview.running.byType[type] ?? 0}/${overview.caps.byType[type] ?? "–"}`).join(" · ");
  const lowDisk = overview.freeDiskBytes < overview.minFreeDiskBytes;
  return (
    <section className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Figures">
      <Figure label="Queue depth" value={String(overview.pending)} note={`${overview.ready} ready to start`} />
      <Figure label="Running" value={`${overview.running.total} / ${overview.caps.total}`} note={`${byType} · ${overview.caps.perVisitor} per visitor`} />
      <Figure label="Stuck" value={String(overview.stuck)} note={`no progress for ${overview.stuckAfterMinutes} min`} />
      <Figure label="Disk free" value={formatBytes(overview.freeDiskBytes, "en")} note={`${lowDisk ? "below" : "floor"} ${formatBytes(overview.minFreeDiskBytes, "en")}`} />
      <Figure label="Admission" value={overview.admissionPaused ? "Paused" : "Open"} note={overview.admissionPaused ? "no task starts; running ones finish" : "tasks start as slots free"} />
    </section>
  );
}

function Filters({ query }: { query: OperatorTasksQuery }) {
  const select = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <form method="get" action="/admin" className="flex flex-wrap items-end gap-2" aria-label="Filters">
      <select name="status" defaultValue={query.status ?? ""} aria-label="Status" className={select}>
        <option value="">any status</option>
        {taskStatuses.map((status) => <option key={status} value={status}>{status}</option>)}
      </select>
      <select name="type" defaultValue={query.type ?? ""} aria-label="Type" className={select}>
        <option value="">any type</option>
        {taskTypes.map((type) => <option key={type} value={type}>{type}</option>)}
      </select>
      <input name="errorCode" defaultValue={query.errorCode ?? ""} placeholder="error code" aria-label="Error code" className={select} />
      <select name="olderThanMinutes" defaultValue={query.olderThanMinutes?.toString() ?? ""} aria-label="Age" className={select}>
        {AGES.map((choice) => <option key={choice.label} value={choice.minutes}>{choice.label}</option>)}
      </select>
      <input name="visitorId" defaultValue={query.visitorId ?? ""} placeholder="visitor id" aria-label="Visitor id" className={select} />
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" name="stuck" value="true" defaultChecked={query.stuck ?? false} /> stuck only
      </label>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100">Filter</button>
      <Link href="/admin" className="px-2 py-1 text-sm text-brand-700 underline">Clear</Link>
    </form>
  );
}

/** The operator console: figures, tasks across visitors with their actions, and per-visitor usage. */
export default async function OperatorConsolePage({ searchParams }: Props) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = operatorTasksQuery.safeParse({ pageSize: 50, ...raw });
  const query = parsed.success ? parsed.data : operatorTasksQuery.parse({ pageSize: 50 });
  const [overview, page] = await Promise.all([readOperationsOverview(), listOperatorTasks(query)]);
  const pageLink = (to: number) => `/admin?${new URLSearchParams({ ...(raw as Record<string, string>), page: String(to) })}`;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Operations</h1>
          <p className="text-slate-600">Tasks across visitors, the queue and the machine.</p>
        </div>
        <div className="flex items-center gap-4">
          <AdmissionButton paused={overview.admissionPaused} />
          {/* The queue dashboard is its own application, served before Next: a full page load, not a client-side one. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/admin/queues" className="text-sm text-brand-700 underline">Queue dashboard</a>
        </div>
      </header>
      <Figures overview={overview} />
      <section className="flex flex-col gap-3">
        <h2 className="text-xl font-semibold">Tasks <span className="text-sm font-normal text-slate-500">({page.total} match)</span></h2>
        <Filters query={query} />
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-sm" aria-label="Tasks">
            <thead className="bg-slate-100 text-xs uppercase text-slate-600">
              <tr>
                {["Task", "Type", "Status", "Visitor", "Priority", "Progress", "Error", "Age", "Actions"].map((title) => <th key={title} className={cell}>{title}</th>)}
              </tr>
            </thead>
            <tbody>
              {page.tasks.map((shown) => {
                const task = localizeTask(shown, "en");
                return (
                  <tr key={task.id} data-task-id={task.id} className="border-t border-slate-100">
                    <td className={`${cell} font-mono`}>{task.shortId}</td>
                    <td className={cell}>{task.type}</td>
                    <td className={cell} data-status={task.status}>
                      {task.status}
                      {task.queuePosition ? <span className="text-slate-500"> #{task.queuePosition}</span> : null}
                    </td>
                    <td className={`${cell} font-mono text-xs`}><Link href={`/admin?visitorId=${task.visitorId}`} className="underline">{task.visitorId.slice(-12)}</Link></td>
                    <td className={cell}>{task.priority}</td>
                    <td className={cell}>{task.status === "running" ? `${task.progress}%` : ""}</td>
                    <td className={`${cell} text-xs`} title={task.error?.message}>{task.error?.code ?? ""}</td>
                    <td className={cell}>{age(task.createdAt)}</td>
                    <td className={cell}><OperatorTaskButtons task={task} /></td>
                  </tr>
                );
              })}
              {page.tasks.length === 0 && <tr><td colSpan={9} className={`${cell} text-slate-500`}>No task matches.</td></tr>}
            </tbody>
          </table>
        </div>
        <nav className="flex gap-3 text-sm" aria-label="Pages">
          {query.page > 1 && <Link href={pageLink(query.page - 1)} className="underline">Newer</Link>}
          {query.page * query.pageSize < page.total && <Link href={pageLink(query.page + 1)} className="underline">Older</Link>}
        </nav>
      </section>
      <section className="flex flex-col gap-3">
        <h2 className="text-xl font-semibold">Visitors</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-sm" aria-label="Visitors">
            <thead className="bg-slate-100 text-xs uppercase text-slate-600">
              <tr>{["Visitor", "Pending", "Running", "Failed", "Tasks", "Stored"].map((title) => <th key={title} className={cell}>{title}</th>)}</tr>
            </thead>
            <tbody>
              {overview.visitors.map((visitor) => (
                <tr key={visitor.visitorId} className="border-t border-slate-100">
                  <td className={`${cell} font-mono text-xs`}><Link href={`/admin?visitorId=${visitor.visitorId}`} className="underline">{visitor.visitorId}</Link></td>
                  <td className={cell}>{visitor.pending}</td>
                  <td className={cell}>{visitor.running}</td>
                  <td className={cell}>{visitor.failed}</td>
                  <td className={cell}>{visitor.tasks}</td>
                  <td className={cell}>{formatBytes(visitor.storedBytes, "en")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
