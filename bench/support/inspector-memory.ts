/**
 * Memory of another Node process started with `--inspect=127.0.0.1:<port>`, read through its
 * inspector (Chrome DevTools Protocol): a full garbage collection first, so that what is left is what
 * the process holds, not garbage it has not collected yet.
 */
export type SettledMemory = { heapUsed: number; external: number; arrayBuffers: number };

async function debuggerUrl(port: number): Promise<string> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  return targets[0]!.webSocketDebuggerUrl;
}

export async function memoryAfterGc(port: number): Promise<SettledMemory> {
  const socket = new WebSocket(await debuggerUrl(port));
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.onmessage = (message) => {
    const { id, result } = JSON.parse(String(message.data)) as { id?: number; result?: unknown };
    if (id !== undefined) pending.get(id)?.(result);
  };
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call("HeapProfiler.collectGarbage");
    await call("HeapProfiler.collectGarbage");
    const { result } = (await call("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true })) as { result: { value: string } };
    return JSON.parse(result.value) as SettledMemory;
  } finally {
    socket.close();
  }
}
