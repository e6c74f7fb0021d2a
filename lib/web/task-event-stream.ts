import type { ServerResponse } from "node:http";
import type { Locale } from "../../i18n/routing";
import { subscribeTaskChanges } from "../tasks/subscribe-task-changes";
import { localizeTask } from "../tasks/localize-task";

/** Comment lines keep proxies and browsers from closing an idle stream (the contract asks for ≤ 15 s). */
const KEEP_ALIVE_MS = 10_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RECONNECT_MS = 3_000;

/** Bytes held for one client that does not read them before the stream is closed. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Server-sent events for one visitor, written straight to `response` (its head already sent):
 * `event: task` with the task (as GET /api/tasks/:id shows it, in `locale`) whenever one of their tasks
 * changes on any host, `event: resync` when changes may have been missed (the page then reloads what it
 * shows), and a comment line every 10 s. Ends when the client goes away.
 */
export function streamTaskEvents({ visitorId, locale, response }: { visitorId: string; locale: Locale; response: ServerResponse }): void {
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    unsubscribe();
    response.end();
  };
  const write = (text: string) => {
    if (closed) return;
    // A client that stopped reading is dropped rather than buffered for without end; its browser
    // reconnects and reloads what it shows.
    if (response.writableLength > MAX_BUFFERED_BYTES) return close();
    response.write(text);
  };
  const unsubscribe = subscribeTaskChanges(visitorId, (task) => {
    if (task === null) write(`event: resync\ndata: {}\n\n`);
    else write(`event: task\ndata: ${JSON.stringify(localizeTask(task, locale))}\n\n`);
  });
  const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
  response.once("close", close);
  write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
}
