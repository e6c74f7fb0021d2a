import { formatProblems, type FuzzReport } from "./run-fuzz";

const countBy = <T>(list: T[], key: (value: T) => string) =>
  list.reduce<Record<string, number>>((counts, value) => ({ ...counts, [key(value)]: (counts[key(value)] ?? 0) + 1 }), {});

function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: (string | number)[]) => cells.map((cell, column) => String(cell).padEnd(widths[column]!)).join("  ");
  return [line(headers), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** The figures of a run: what was tried, how the server answered, what the workers did, what was left behind. */
export function summarizeFuzz(report: FuzzReport): string {
  const { uploads, tasks } = report;
  const families = [...new Set(uploads.map((record) => record.item.family))];
  const familyRows = families.map((family) => {
    const of = uploads.filter((record) => record.item.family === family);
    const status = (code: number) => of.filter((record) => record.status === code).length;
    return [family, of.length, status(201), status(415), status(422), of.filter((record) => ![201, 415, 422].includes(record.status)).length, of.filter((record) => record.problems.length).length];
  });
  const statuses = Object.entries(countBy(uploads, (record) => (record.hung ? "hang" : String(record.status)))).map(([status, count]) => [status, count]);
  const taskRows = Object.entries(countBy(tasks, (task) => `${task.type} ${task.finalStatus}${task.errorCode ? ` (${task.errorCode})` : ""}`)).map(([state, count]) => [state, count]);
  const slowest = uploads
    .filter((record) => record.status !== 201)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10)
    .map((record) => [record.item.id, record.hung ? "hang" : record.status, Math.round(record.ms)]);
  const problems = uploads.filter((record) => record.problems.length).map((record) => `  ${record.item.id} (${record.locale}): ${formatProblems(record.problems)}`);
  const taskProblems = tasks.filter((task) => task.problems.length).map((task) => `  ${task.itemId} ${task.type}: ${task.problems.join("; ")}`);
  const leftovers = (list: FuzzReport["leftoverAtEnd"]) => list.map((tool) => `${tool.command}#${tool.pid}`).join(", ") || "none";
  return [
    `files tried: ${uploads.length} in ${Math.round(report.durationMs / 1000)} s`,
    table(["family", "tried", "201", "415", "422", "other", "problems"], familyRows),
    "",
    table(["response", "count"], statuses),
    "",
    `5xx: ${uploads.filter((record) => record.status >= 500).length}`,
    `hangs: ${uploads.filter((record) => record.hung).length}`,
    `worker crashes: ${report.workersAlive.filter((alive) => !alive).length} of ${report.workersAlive.length} workers`,
    `ffmpeg/ffprobe left after uploads: ${report.leftoverAfterUploads.length} (${leftovers(report.leftoverAfterUploads)})`,
    `ffmpeg/ffprobe left at the end: ${report.leftoverAtEnd.length} (${leftovers(report.leftoverAtEnd)})`,
    "",
    table(["task", "count"], taskRows.length ? taskRows : [["(none)", 0]]),
    "",
    table(["slowest refusals", "status", "ms"], slowest),
    "",
    `upload problems: ${problems.length}`,
    ...problems,
    `task problems: ${taskProblems.length}`,
    ...taskProblems,
  ].join("\n");
}
