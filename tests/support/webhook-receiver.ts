import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { path: string; headers: IncomingHttpHeaders; body: string };

export type WebhookReceiver = {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  received: ReceivedWebhook[];
  /** TCP connections accepted, whatever came over them. */
  connections: () => number;
  close: () => Promise<void>;
};

/**
 * A real HTTP server on loopback that records every request and lets `answer` reply (200 when it
 * returns nothing); the n-th request to a path is numbered from 1.
 */
export async function startWebhookReceiver(answer: (request: ReceivedWebhook, nth: number, response: ServerResponse) => number | void = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const webhook = { path: request.url ?? "/", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(webhook);
      const nth = received.filter((other) => other.path === webhook.path).length;
      response.statusCode = answer(webhook, nth, response) ?? 200;
      response.end();
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
