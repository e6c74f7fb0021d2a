import type { Locale } from "../../i18n/routing";
import { subscribeTaskChanges } from "../tasks/subscribe-task-changes";
import { localizeTask } from "../tasks/localize-task";

/** Comment lines keep proxies and browsers from closing an idle stream (the contract asks for ≤ 15 s). */
const KEEP_ALIVE_MS = 10_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RECONNECT_MS = 3_000;

/** Events held for one client that does not read them before the stream is closed. */
const MAX_QUEUED_EVENTS = 1_000;

const encoder = new TextEncoder();

/**
 * Server-sent events for one visitor: `event: task` with the task (as GET /api/tasks/:id shows it, in
 * `locale`) whenever one of their tasks changes on any host, `event: resync` when changes may have been
 * missed (the page then reloads what it shows), and a comment line every 10 s.
 */
export function taskEventStream({ visitorId, locale, signal }: { visitorId: string; locale: Locale; signal: AbortSignal }): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        // A client that stopped reading is dropped rather than buffered for without end; its browser
        // reconnects and reloads what it shows.
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_EVENTS) return cleanup();
        controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = subscribeTaskChanges(visitorId, (task) => {
        if (task === null) write(`event: resync\ndata: {}\n\n`);
        else write(`event: task\ndata: ${JSON.stringify(localizeTask(task, locale))}\n\n`);
      });
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      signal.addEventListener("abort", cleanup, { once: true });
      write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
}
