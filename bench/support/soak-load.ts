import { openAsBlob } from "node:fs";
import { basename } from "node:path";

/** One answer the visitors got; status 0 when the request failed without one (the connection dropped). */
export type HttpRecord = { atMs: number; status: number; what: string };

export type AcceptedTask = { id: string; type: string; visitor: number };

type TaskRequest = { type: "thumbnail" } | { type: "watermark" } | { type: "merge" };

export type LoadPlan = {
  baseUrl: string;
  visitors: number;
  /** When each task is asked for, in ms after the load starts, and of which type; spread over the visitors in turn. */
  tasks: { atMs: number; request: TaskRequest }[];
  /** The small videos visitors upload (one per upload, in turn). */
  clips: string[];
  /** Visitors stop once their tasks have ended and this time has come, or at `giveUpAtMs` at the latest. */
  creationEndsAtMs: number;
  giveUpAtMs: number;
  record: (entry: HttpRecord) => void;
};

export type LoadResult = {
  accepted: AcceptedTask[];
  uploads: number;
  downloads: number;
  /** Downloads whose bytes were missing or not the output's size. */
  badDownloads: number;
  /** Answers a well-formed request should not get (a 4xx, or a 5xx other than 503), as "what: status". */
  unexpected: string[];
};

const POLL_MS = 2_500;
/** A request the server could not serve (503 while the database restarts, or no answer) is sent again after this. */
const RETRY_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FINISHED = new Set(["completed", "failed", "cancelled"]);

/**
 * Many visitors as the pages and API clients drive the service: each uploads its clips, asks for the
 * tasks planned for it (uploading a fresh clip for each), polls them until they end and downloads what
 * they produced. Returns the tasks the service accepted (202).
 */
export async function runSoakLoad(plan: LoadPlan): Promise<LoadResult> {
  const started = performance.now();
  const now = () => performance.now() - started;
  const accepted: AcceptedTask[] = [];
  let uploads = 0;
  let downloads = 0;
  let badDownloads = 0;
  let clipTurn = 0;
  const unexpected: string[] = [];

  const visitor = async (index: number) => {
    let cookie: string | undefined;
    const send = async (what: string, path: string, init: RequestInit = {}): Promise<Response | null> => {
      const headers = new Headers(init.headers);
      if (cookie) headers.set("cookie", cookie);
      try {
        const response = await fetch(`${plan.baseUrl}${path}`, { ...init, headers });
        const setCookie = response.headers.get("set-cookie");
        if (setCookie) cookie = setCookie.split(";")[0];
        plan.record({ atMs: now(), status: response.status, what });
        return response;
      } catch {
        plan.record({ atMs: now(), status: 0, what });
        return null;
      }
    };
    /**
     * Sends until the service answers something else than 503 or nothing, as a client waiting out a
     * restart does; null when the run gives up first or the answer is not `expected` (counted).
     */
    const served = async (what: string, path: string, init: () => RequestInit, expected: number): Promise<Response | null> => {
      while (now() < plan.giveUpAtMs) {
        const response = await send(what, path, init());
        if (response?.status === expected) return response;
        await response?.body?.cancel();
        if (response && response.status !== 503) {
          unexpected.push(`${what}: ${response.status}`);
          return null;
        }
        await sleep(RETRY_MS);
      }
      return null;
    };
    const sendUntilServed = async (what: string, path: string, init: () => RequestInit, expected: number) =>
      (await served(what, path, init, expected))?.json();
    const upload = async (): Promise<string | null> => {
      const clip = plan.clips[clipTurn++ % plan.clips.length]!;
      const file = await openAsBlob(clip);
      const body = await sendUntilServed("upload", "/api/uploads", () => {
        const form = new FormData();
        form.append("file", file, basename(clip));
        return { method: "POST", body: form };
      }, 201);
      if (body) uploads += 1;
      return body?.files[0].id ?? null;
    };

    const mine = plan.tasks.filter((_, taskIndex) => taskIndex % plan.visitors === index);
    const active = new Set<string>();
    const firstClip = await upload();
    if (!firstClip) return;
    while (now() < plan.giveUpAtMs && (mine.length > 0 || active.size > 0 || now() < plan.creationEndsAtMs)) {
      if (mine[0] && mine[0].atMs <= now()) {
        const { request } = mine.shift()!;
        const clip = await upload();
        if (!clip) break;
        const params = request.type === "watermark" ? { region: { x: 8, y: 8, width: 48, height: 32 } } : {};
        const inputs = request.type === "merge" ? [clip, firstClip] : [clip];
        const body = JSON.stringify({ type: request.type, inputs, params });
        const created = await sendUntilServed("create task", "/api/tasks", () => ({ method: "POST", body, headers: { "content-type": "application/json" } }), 202);
        if (created) {
          accepted.push({ id: created.task.id, type: request.type, visitor: index });
          active.add(created.task.id);
        }
      }
      for (const taskId of [...active]) {
        const response = await send("poll task", `/api/tasks/${taskId}`);
        if (response?.status !== 200) {
          await response?.body?.cancel();
          continue;
        }
        const { task } = await response.json();
        if (!FINISHED.has(task.status)) continue;
        active.delete(taskId);
        for (const output of task.outputs) {
          const content = await served("download", `/api/files/${output.id}/content`, () => ({}), 200);
          const bytes = content ? (await content.arrayBuffer()).byteLength : 0;
          downloads += 1;
          if (bytes === 0 || bytes !== output.size) badDownloads += 1;
        }
      }
      if (active.size === 0) await (await send("me", "/api/me"))?.body?.cancel();
      await sleep(POLL_MS * (0.5 + Math.random()));
    }
  };

  await Promise.all(Array.from({ length: plan.visitors }, (_, index) => visitor(index)));
  return { accepted, uploads, downloads, badDownloads, unexpected };
}
