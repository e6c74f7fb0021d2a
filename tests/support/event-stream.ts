export type ServerEvent = { event: string; data: string; at: number };

export type EventStreamClient = {
  status: number;
  headers: Headers;
  /** Comment lines received so far (without the leading colon). */
  comments: string[];
  /** Resolves with the first event (received so far or later) that `match` accepts. */
  next: (match: (event: ServerEvent) => boolean, timeoutMs?: number) => Promise<ServerEvent>;
  events: ServerEvent[];
  close: () => void;
};

/** Opens `url` as a browser's EventSource would and parses what arrives (event, data, comments). */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
  const events: ServerEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) comments.push(line.slice(1).trim());
            else if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) events.push({ event, data: data.join("\n"), at: performance.now() });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // closed by us
    }
  })();
  const next: EventStreamClient["next"] = (match, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = events.find(match);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((event) => event.event))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(wake);
      };
      const wake = () => void check();
      if (!check()) waiters.add(wake);
    });
  return { status: response.status, headers: response.headers, comments, next, events, close: () => abort.abort() };
}
