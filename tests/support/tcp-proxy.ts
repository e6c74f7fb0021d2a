import { connect, createServer, type Socket } from "node:net";
import { freePort } from "./test-database";

export type TcpProxy = { port: number; cut: () => Promise<void>; restore: () => Promise<void>; close: () => Promise<void> };

/**
 * Forwards a local port (on loopback, or on `listenHost`) to `target`; cut() drops every connection and
 * refuses new ones, as a dead database would.
 */
export async function startTcpProxy(target: { host: string; port: number }, listenHost = "127.0.0.1"): Promise<TcpProxy> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  const listen = () => new Promise<void>((resolve) => server.listen(port, listenHost, resolve));
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  await listen();
  const cut = async () => {
    const closed = stopListening();
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return { port, cut, restore: listen, close: cut };
}
