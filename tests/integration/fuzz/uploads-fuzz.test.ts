import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { removeBaseMedia } from "../../fuzz/base-media";
import { generateCorpus, sampleCorpus, type CorpusItem } from "../../fuzz/generate-corpus";
import type { ProblemKind } from "../../fuzz/judge-upload";
import { listeningPid } from "../../fuzz/listening-pid";
import { formatProblems, runFuzz, type FuzzReport } from "../../fuzz/run-fuzz";
import { killProcesses, toolProcesses } from "../../fuzz/tool-processes";
import { withWorker } from "../../support/with-worker";

const baseUrl = inject("baseUrl");
let serverPid: number;
let report: FuzzReport;

// Registered before the worker's hooks, so it runs after the worker has stopped: whatever this file's uploads
// and tasks left running (a hung probe, under the server or orphaned by the worker) ends with it.
afterAll(async () => {
  killProcesses(await toolProcesses([serverPid], { readingUnder: inject("dataDir") }));
  await removeBaseMedia();
});

const context = withWorker({ TASK_TIMEOUT_MINUTES: "1" });

/** Items that are, or start with, a playlist or a reference to another file. */
const referencesOtherFiles = (item: CorpusItem) => item.family === "playlist" || (item.family === "polyglot" && item.expect === "refuse");
const declaresTooMuch = (item: CorpusItem) => item.expect === "limits";
const everythingElse = (item: CorpusItem) => !referencesOtherFiles(item) && !declaresTooMuch(item);

/** "item (locale): kind: detail" for every upload (of those `selected`) that had a problem of these kinds. */
function failures(kinds: ProblemKind[], selected: (item: CorpusItem) => boolean = () => true): string[] {
  return report.uploads
    .filter((record) => selected(record.item))
    .map((record) => ({ record, problems: record.problems.filter((problem) => kinds.includes(problem.kind)) }))
    .filter(({ problems }) => problems.length > 0)
    .map(({ record, problems }) => `${record.item.id} (${record.locale}): ${formatProblems(problems)}`);
}

const ofFamily = (family: string) => report.uploads.filter((record) => record.item.family === family);

// A fixed, stratified sample of the hostile corpus (`npm run fuzz` sends all of it): every family and every
// attack issue 8 names, uploaded in English and Chinese, then a few accepted files through every task type.
beforeAll(async () => {
  serverPid = await listeningPid(Number(new URL(baseUrl).port));
  const items = sampleCorpus(await generateCorpus());
  report = await runFuzz({ baseUrl, serverPid, workerPids: [context.worker.pid], items, uploadConcurrency: 3, itemsPerVisitor: 50, taskFiles: 4 });
}, 900_000);

describe("hostile uploads (a sample of the fuzz corpus)", () => {
  it("covers every family and every known attack", () => {
    const families = new Set(report.uploads.map((record) => record.item.family));
    expect([...families].sort()).toEqual(["lying-header", "mutation", "name", "playlist", "polyglot", "trivial"]);
    expect(report.uploads.filter((record) => record.item.knownAttack)).toHaveLength(6);
    expect(new Set(report.uploads.map((record) => record.locale))).toEqual(new Set(["en", "zh"]));
  });

  it("never answers with a server error and never hangs", () => {
    expect(failures(["server-error", "hang", "connection"])).toEqual([]);
  });

  it("answers every refusal in the error shape, in the request's language", () => {
    expect(failures(["error-shape", "locale"])).toEqual([]);
    const refusals = report.uploads.filter((record) => record.status >= 400 && record.status < 500);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.filter((record) => record.locale === "zh").length).toBeGreaterThan(0);
  });

  it("refuses every playlist, manifest and reference to another file with 415", () => {
    expect(failures(["expectation"], referencesOtherFiles)).toEqual([]);
    expect(ofFamily("playlist").every((record) => record.status === 415 && record.code === "unsupported_media")).toBe(true);
  });

  it("refuses declared sizes and durations beyond the limits, quickly, and accepts nothing beyond them", () => {
    expect(failures(["beyond-limits", "slow-refusal", "expectation"], declaresTooMuch)).toEqual([]);
    expect(failures(["beyond-limits"])).toEqual([]);
  });

  it("answers every other hostile file as its content deserves: intact media accepted, non-media refused", () => {
    expect(failures(["expectation", "name"], everythingElse)).toEqual([]);
    expect(ofFamily("name").filter((record) => record.item.expect === "accept").every((record) => record.status === 201)).toBe(true);
  });

  it("runs tasks on accepted uploads to an end, failing only with known codes, and the worker survives", () => {
    expect(report.tasks.length).toBeGreaterThanOrEqual(4);
    expect(report.tasks.filter((task) => task.problems.length).map((task) => `${task.itemId} ${task.type}: ${task.problems.join("; ")}`)).toEqual([]);
    expect(report.tasks.every((task) => ["completed", "failed"].includes(task.finalStatus))).toBe(true);
    expect(report.workersAlive).toEqual([true]);
  });

  it("leaves no ffprobe or ffmpeg running under the web server or the worker", () => {
    expect(report.leftoverAfterUploads).toEqual([]);
    expect(report.leftoverAtEnd).toEqual([]);
  });
});
