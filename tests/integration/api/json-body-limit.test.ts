import { describe, expect, inject, it } from "vitest";
import { apiVisitor } from "../../support/api-visitor";

const KiB = 1024;
const messages = { en: "The request is too large.", zh: "请求内容过大。" };

/** A JSON object of about `bytes` bytes that no endpoint accepts: one long unknown field. */
function paddedJson(bytes: number, fields: object = {}): string {
  const base = JSON.stringify({ ...fields, padding: "" });
  return base.replace('"padding":""', `"padding":"${"x".repeat(bytes - base.length)}"`);
}

/** A body streamed in chunks, so it has no Content-Length and only counting can stop it. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 16 * KiB));
      offset += 16 * KiB;
    },
  });
}

describe("JSON request bodies", () => {
  for (const path of ["/api/tasks", "/api/tasks/cleanup"]) {
    for (const locale of ["en", "zh"] as const) {
      it(`refuses a 1 MiB body on POST ${path} with 413 body_too_large and stays healthy (${locale})`, async () => {
        const visitor = apiVisitor({ locale });
        const { status, body } = await visitor.json(path, { method: "POST", body: paddedJson(1024 * KiB, { scope: "all" }) });
        expect(status).toBe(413);
        expect(body.error).toEqual({ code: "body_too_large", message: messages[locale] });
        expect((await fetch(`${inject("baseUrl")}/api/health`)).status).toBe(200);
      });
    }

    it(`stops reading a body without Content-Length past 64 KiB on POST ${path}`, async () => {
      const response = await apiVisitor().request(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: streamed(paddedJson(1024 * KiB, { scope: "all" })),
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe("body_too_large");
    });
  }

  it("refuses a 32 MiB body without reading it, and the client's next requests still work", async () => {
    const visitor = apiVisitor();
    for (let round = 0; round < 3; round += 1) {
      const { status, body } = await visitor.json("/api/tasks", { method: "POST", body: paddedJson(32 * 1024 * KiB) });
      expect(status).toBe(413);
      expect(body.error.code).toBe("body_too_large");
      expect((await visitor.json("/api/me")).status).toBe(200);
    }
  });

  it("still reads a 60 KiB body and judges its content (400 invalid_params)", async () => {
    const visitor = apiVisitor();
    const task = await visitor.json("/api/tasks", { method: "POST", body: paddedJson(60 * KiB, { type: "resize", inputs: [] }) });
    expect(task.status).toBe(400);
    expect(task.body.error).toMatchObject({ code: "invalid_params", field: "type" });
    const cleanup = await visitor.json("/api/tasks/cleanup", { method: "POST", body: paddedJson(60 * KiB, { scope: "everything" }) });
    expect(cleanup.status).toBe(400);
    expect(cleanup.body.error).toMatchObject({ code: "invalid_params", field: "scope" });
  });
});
