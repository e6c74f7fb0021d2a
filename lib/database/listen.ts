import pg from "pg";
import { getConfig } from "../config";
import { getDb } from "../db";
import { processSingleton } from "../process-singleton";

/** Waits before each new try after the connection was lost or could not be made. */
const RECONNECT_MS = [250, 500, 1_000, 2_000, 5_000];

export type ChannelListener = {
  notification(payload: string): void;
  /** The connection was lost and is back: notifications sent meanwhile were missed. */
  resync?(): void;
};

/** `ready` settles with the attempt to LISTEN now under way (it is retried in the background after a failure). */
export type Subscription = { ready: Promise<void>; close(): void };

type Connection = {
  channels: Map<string, Set<ChannelListener>>;
  client: pg.Client | null;
  connecting: Promise<void> | null;
  failures: number;
};

const connection = processSingleton<Connection>("listen-connection");
const state = () => connection.get(() => ({ channels: new Map(), client: null, connecting: null, failures: 0 }));

const quoted = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

function scheduleReconnect(current: Connection): void {
  current.failures += 1;
  const delay = RECONNECT_MS[Math.min(current.failures - 1, RECONNECT_MS.length - 1)]!;
  setTimeout(() => {
    if (current.channels.size > 0) void connect(current).catch(() => {});
  }, delay).unref();
}

/** Opens the connection and LISTENs on every channel; after a loss, tells every listener to resync. */
function connect(current: Connection): Promise<void> {
  if (current.client) return Promise.resolve();
  if (current.connecting) return current.connecting;
  const client = new pg.Client({ connectionString: getConfig().databaseUrl, application_name: "clipclean-listen" });
  const lost = () => {
    if (current.client !== client) return;
    current.client = null;
    void client.end().catch(() => {});
    scheduleReconnect(current);
  };
  client.on("notification", ({ channel, payload }) => {
    for (const listener of current.channels.get(channel) ?? []) listener.notification(payload ?? "");
  });
  client.on("error", lost);
  client.on("end", lost);
  current.connecting = (async () => {
    try {
      await client.connect();
      for (const channel of current.channels.keys()) await client.query(`LISTEN ${quoted(channel)}`);
    } catch (error) {
      void client.end().catch(() => {});
      scheduleReconnect(current);
      throw error;
    } finally {
      current.connecting = null;
    }
    current.client = client;
    if (current.channels.size === 0) {
      current.client = null;
      void client.end().catch(() => {});
      return;
    }
    const recovered = current.failures > 0;
    current.failures = 0;
    if (recovered) for (const listeners of current.channels.values()) for (const listener of listeners) listener.resync?.();
  })();
  return current.connecting;
}

/**
 * Listens on `channel` through this process's one LISTEN connection, which serves every channel: it
 * opens with the first subscription, closes with the last, and comes back with backoff (0.25 to 5 s)
 * when lost, after which every listener is asked to resync.
 */
export function listen(channel: string, listener: ChannelListener): Subscription {
  const current = state();
  const listeners = current.channels.get(channel) ?? new Set<ChannelListener>();
  const isNewChannel = listeners.size === 0;
  listeners.add(listener);
  current.channels.set(channel, listeners);
  const { client } = current;
  const ready = client && isNewChannel ? client.query(`LISTEN ${quoted(channel)}`).then(() => {}) : connect(current);
  // Callers that do not wait for it must not see an unhandled rejection; the connection keeps trying.
  ready.catch(() => {});
  return {
    ready,
    close() {
      listeners.delete(listener);
      if (listeners.size > 0 || current.channels.get(channel) !== listeners) return;
      current.channels.delete(channel);
      const open = current.client;
      if (!open) return;
      if (current.channels.size > 0) {
        void open.query(`UNLISTEN ${quoted(channel)}`).catch(() => {});
        return;
      }
      current.client = null;
      void open.end().catch(() => {});
    },
  };
}

/** Sends `payload` on `channel` to every process listening on it (delivered when the sender's transaction commits). */
export async function notify(channel: string, payload: string): Promise<void> {
  await getDb().$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}
