import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { normalizeForwardedHeaders } from "@/lib/web/normalize-forwarded-headers";

function normalized(headers: IncomingHttpHeaders, hops: number, socket: { remoteAddress?: string; encrypted?: boolean } = { remoteAddress: "192.0.2.10" }) {
  const request = { headers: { ...headers }, socket };
  normalizeForwardedHeaders(request, hops);
  return request.headers;
}

describe("normalizeForwardedHeaders", () => {
  it("with no trusted proxy, replaces whatever the client sent with the socket's view", () => {
    const headers = normalized(
      { host: "clip.example", "x-forwarded-for": "10.0.0.1", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", "x-forwarded-port": "443" },
      0,
    );
    expect(headers).toMatchObject({ "x-forwarded-for": "192.0.2.10", "x-forwarded-proto": "http", "x-forwarded-host": "clip.example" });
    expect(headers["x-forwarded-port"]).toBeUndefined();
  });

  it("reports https for a TLS socket and strips the IPv4-mapped IPv6 prefix", () => {
    const headers = normalized({ host: "clip.example" }, 0, { remoteAddress: "::ffff:198.51.100.4", encrypted: true });
    expect(headers).toMatchObject({ "x-forwarded-for": "198.51.100.4", "x-forwarded-proto": "https" });
  });

  it("behind one proxy, the client is the last X-Forwarded-For entry and the proxy's protocol and host count", () => {
    const headers = normalized(
      { host: "internal:3000", "x-forwarded-for": "10.0.0.1, 203.0.113.5", "x-forwarded-proto": "https", "x-forwarded-host": "clip.example" },
      1,
    );
    expect(headers).toMatchObject({ "x-forwarded-for": "203.0.113.5, 192.0.2.10", "x-forwarded-proto": "https", "x-forwarded-host": "clip.example" });
  });

  it("behind two proxies, the client is the second address from the right of the list plus the socket", () => {
    const headers = normalized({ "x-forwarded-for": ["10.0.0.1, 203.0.113.5", "198.51.100.1"] }, 2);
    expect(headers["x-forwarded-for"]).toBe("203.0.113.5, 198.51.100.1, 192.0.2.10");
  });

  it("takes the farthest address there is when the chain is shorter than the trusted hops", () => {
    const headers = normalized({ host: "clip.example" }, 2);
    expect(headers).toMatchObject({ "x-forwarded-for": "192.0.2.10", "x-forwarded-proto": "http", "x-forwarded-host": "clip.example" });
  });
});
