import type { IncomingMessage, ServerResponse } from "node:http";
import type { Locale } from "../../i18n/routing";
import { apiRoute } from "./api-route";
import { sendFetchResponse, toFetchRequest, writeFetchHead } from "./node-http-bridge";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "./security-headers";
import { streamTaskEvents } from "./task-event-stream";

export const TASK_EVENTS_PATH = "/api/events";

const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: compression would hold events back until a buffer fills.
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
};

/** Whether the web server answers this request itself with serveTaskEvents (GET and HEAD of /api/events). */
export function isTaskEventsRequest(request: IncomingMessage, pathname: string): boolean {
  return pathname === TASK_EVENTS_PATH && (request.method === "GET" || request.method === "HEAD");
}

/**
 * GET /api/events, answered by the web server ahead of Next: a stream stays open as long as a page
 * does, and under Next's per-request machinery each one held about 68 KiB of the process's memory;
 * here it holds the socket, one listener and one timer, about 9 KiB (`npm run bench live-updates`). Identity, locale and errors go through the API's route wrapper as every
 * route's do; a visitor without a cookie gets a stream that never carries a task (they have none).
 */
export async function serveTaskEvents(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let opened: { visitorId: string; locale: Locale } | undefined;
  const answer = await apiRoute(async ({ visitorId, locale }) => {
    opened = { visitorId, locale };
    return new Response(null, { headers: EVENT_STREAM_HEADERS });
  })(toFetchRequest(request), { params: Promise.resolve({}) });
  // What next.config.ts gives every API answer.
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.setHeader(key, value);
  response.setHeader("Content-Security-Policy", contentSecurityPolicy());
  if (!opened || request.method === "HEAD") return sendFetchResponse(answer, response);
  writeFetchHead(answer, response);
  streamTaskEvents({ ...opened, response });
}
