import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";

/** How long one attempt may take, connection and answer together. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

// These agents check every address a name resolves to when the connection is made (and literal
// addresses before it), so a name that resolved to a public address when the task was created
// cannot be switched to an internal one later (DNS rebinding).
const filteringAgents = { http: new RequestFilteringHttpAgent(), https: new RequestFilteringHttpsAgent() };

export type PostWebhookOptions = {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Connect to loopback and private networks too (WEBHOOK_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
  /** Resolves host names instead of the system resolver (tests). */
  lookup?: LookupFunction;
};

/**
 * POSTs a webhook with node's http/https and resolves with the answer's status. Redirects are not
 * followed (a 3xx is just the status); the answer's body is not read. Rejects when the connection is
 * refused, the address is not allowed or nothing answers within WEBHOOK_TIMEOUT_MS.
 */
export function postWebhook(options: PostWebhookOptions): Promise<number> {
  const url = new URL(options.url);
  const secure = url.protocol === "https:";
  const agent = options.allowPrivateNetworks ? false : filteringAgents[secure ? "https" : "http"];
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      {
        method: "POST",
        agent,
        lookup: options.lookup,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        headers: { ...options.headers, "content-type": "application/json", "content-length": Buffer.byteLength(options.body) },
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}
