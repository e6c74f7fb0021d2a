import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/web/assert-same-origin";

function post(url: string, headers: Record<string, string>) {
  return new Request(url, { method: "POST", headers });
}

function refusal(request: Request): string | undefined {
  try {
    assertSameOrigin(request);
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : "unexpected";
  }
}

describe("assertSameOrigin", () => {
  it("accepts a write from the same scheme and host", () => {
    expect(refusal(post("https://clips.example/api/tasks", { origin: "https://clips.example" }))).toBeUndefined();
    expect(refusal(post("https://clips.example/api/tasks", { origin: "https://clips.example:443" }))).toBeUndefined();
  });

  it("refuses a write from the same host over another scheme", () => {
    expect(refusal(post("https://clips.example/api/tasks", { origin: "http://clips.example" }))).toBe("forbidden");
    expect(refusal(post("http://clips.example/api/tasks", { origin: "https://clips.example" }))).toBe("forbidden");
  });

  it("judges the scheme and host a trusted proxy forwarded", () => {
    const behindProxy = { "x-forwarded-proto": "https", "x-forwarded-host": "clips.example" };
    expect(refusal(post("http://10.0.0.5:3000/api/tasks", { ...behindProxy, origin: "https://clips.example" }))).toBeUndefined();
    expect(refusal(post("http://10.0.0.5:3000/api/tasks", { ...behindProxy, origin: "http://clips.example" }))).toBe("forbidden");
  });

  it("refuses Origin: null, garbage and other sites", () => {
    for (const origin of ["null", "not a url", "https://evil.example", "https://clips.example.evil.example"]) {
      expect(refusal(post("https://clips.example/api/tasks", { origin }))).toBe("forbidden");
    }
  });

  it("lets reads through and refuses origin-less writes only when the browser says cross-site", () => {
    expect(refusal(new Request("https://clips.example/api/tasks", { headers: { origin: "https://evil.example" } }))).toBeUndefined();
    expect(refusal(post("https://clips.example/api/tasks", {}))).toBeUndefined();
    expect(refusal(post("https://clips.example/api/tasks", { "sec-fetch-site": "cross-site" }))).toBe("forbidden");
  });
});
