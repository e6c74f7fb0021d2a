import { get } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy";
import { startWebServer, type WebServer } from "../../support/web-server";

describe("GET /api/health", () => {
  it("answers 200 ok when the database and queue are reachable", async () => {
    const response = await fetch(`${inject("baseUrl")}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok", queue: "ok" });
  });

  it("keeps an idle connection open longer than a proxy's 65 s idle timeout", async () => {
    const keepAlive = await new Promise<string | undefined>((resolve, reject) => {
      get(`${inject("baseUrl")}/api/health`, { headers: { connection: "keep-alive" } }, (response) => {
        response.resume();
        resolve(String(response.headers["keep-alive"]));
      }).on("error", reject);
    });
    expect(Number(keepAlive?.match(/timeout=(\d+)/)?.[1])).toBeGreaterThan(65);
  });

  describe("when the database goes away", () => {
    let proxy: TcpProxy;
    let server: WebServer;

    beforeAll(async () => {
      const database = new URL(inject("databaseUrl"));
      proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
      database.port = String(proxy.port);
      database.hostname = "127.0.0.1";
      server = await startWebServer({ DATABASE_URL: database.toString(), DATA_DIR: inject("dataDir"), SESSION_SECRET: "x".repeat(32) });
    });
    afterAll(async () => {
      await server?.stop();
      await proxy?.close();
    });

    it("answers 503 while it is unreachable and 200 again once it is back", async () => {
      expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);

      await proxy.cut();
      const down = await fetch(`${server.baseUrl}/api/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "unavailable", database: "unreachable" });

      await proxy.restore();
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        status = (await fetch(`${server.baseUrl}/api/health`)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
    });
  });
});
