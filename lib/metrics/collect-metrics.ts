import { Counter, Gauge, Registry, type Metric } from "prom-client";
import { finishedStatuses } from "../tasks/task-states";
import { DURATION_BUCKETS, readFigures, type TaskFigures } from "./read-figures";

/** A histogram whose buckets were counted by the database (prom-client's Histogram only counts in-process). */
function durationHistogram(completed: TaskFigures[]): Metric {
  const name = "clipclean_task_duration_seconds";
  const values = completed.flatMap(({ type, timed, durationSum, buckets }) => [
    ...DURATION_BUCKETS.map((le, index) => ({ metricName: `${name}_bucket`, labels: { type, le }, value: Number(buckets[index] ?? 0) })),
    { metricName: `${name}_bucket`, labels: { type, le: "+Inf" }, value: Number(timed) },
    { metricName: `${name}_sum`, labels: { type }, value: durationSum },
    { metricName: `${name}_count`, labels: { type }, value: Number(timed) },
  ]);
  const help = "Run time of completed tasks, by type.";
  return { name, help, type: "histogram", aggregator: "sum", get: async () => ({ name, help, type: "histogram", aggregator: "sum", values }), reset() {} } as unknown as Metric;
}

/** The Prometheus exposition of the product's figures, computed from the database. */
export async function collectMetrics(): Promise<{ contentType: string; body: string }> {
  const figures = await readFigures();
  const registry = new Registry();
  const created = new Counter({ name: "clipclean_tasks_created_total", help: "Tasks created, by type.", labelNames: ["type"], registers: [registry] });
  const finished = new Counter({ name: "clipclean_tasks_finished_total", help: "Tasks that ended, by type and final status.", labelNames: ["type", "status"], registers: [registry] });
  for (const row of figures.tasks) {
    created.inc({ type: row.type }, Number(row.count));
    if ((finishedStatuses as string[]).includes(row.status)) finished.inc({ type: row.type, status: row.status }, Number(row.count));
  }
  const statusCount = (status: string) => figures.tasks.filter((row) => row.status === status).reduce((sum, row) => sum + Number(row.count), 0);
  new Gauge({ name: "clipclean_tasks_pending", help: "Tasks waiting for a free slot (queue depth).", registers: [registry] }).set(statusCount("pending"));
  new Gauge({ name: "clipclean_tasks_running", help: "Tasks running now, across all workers.", registers: [registry] }).set(statusCount("running"));
  const waiting = new Gauge({ name: "clipclean_queue_jobs_waiting", help: "pg-boss jobs waiting to be fetched, by queue.", labelNames: ["queue"], registers: [registry] });
  for (const row of figures.waitingJobs) waiting.set({ queue: row.queue }, Number(row.count));
  const stored = new Gauge({ name: "clipclean_stored_bytes", help: "Bytes of files kept in storage, by origin.", labelNames: ["origin"], registers: [registry] });
  for (const row of figures.storedBytes) stored.set({ origin: row.origin }, Number(row.bytes));
  registry.registerMetric(durationHistogram(figures.tasks.filter((row) => row.status === "completed")));
  return { contentType: registry.contentType, body: await registry.metrics() };
}
