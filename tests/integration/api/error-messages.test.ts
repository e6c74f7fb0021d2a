import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { apiVisitor } from "../../support/api-visitor";
import { makeImage } from "../../support/media-fixtures";

const messages = { en: en.errors, zh: zh.errors };

let image: string;

beforeAll(async () => {
  image = await makeImage({ width: 32, height: 32 });
});

describe.each(["en", "zh"] as const)("error messages in %s", (locale) => {
  const expected = (code: keyof typeof en.errors, params: Record<string, string | number> = {}) =>
    messages[locale][code].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

  it("explains malformed bodies (400)", async () => {
    const visitor = apiVisitor({ locale });
    const form = new FormData();
    form.append("other", "value");
    const noFile = await visitor.request("/api/uploads", { method: "POST", body: form });
    expect(await noFile.json()).toEqual({ error: { code: "no_file", message: expected("no_file") } });
    const malformed = await visitor.json("/api/tasks/cleanup", { method: "POST", body: "{" });
    expect(malformed).toEqual({ status: 400, body: { error: { code: "bad_request", message: expected("bad_request") } } });
  });

  it("explains too many files in one upload (413)", async () => {
    const { status, body } = await apiVisitor({ locale }).upload(Array.from({ length: 11 }, () => ({ path: image })));
    expect(status).toBe(413);
    expect(body.error).toEqual({ code: "too_many_files", message: expected("too_many_files", { count: 10 }) });
  });

  it("explains actions the task's state does not allow (409)", async () => {
    const visitor = apiVisitor({ locale });
    const { body } = await visitor.upload([{ path: image }]);
    const { body: created } = await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [body.files[0].id] } });
    const retried = await visitor.json(`/api/tasks/${created.task.id}/retry`, { method: "POST" });
    expect(retried).toEqual({ status: 409, body: { error: { code: "conflict", message: expected("conflict") } } });
  });

  it("shows a failed task's error on its page in the words the API gives it", async () => {
    const visitor = apiVisitor({ locale });
    const { body } = await visitor.upload([{ path: image }]);
    const { body: created } = await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [body.files[0].id] } });
    await getDb().task.update({
      where: { id: created.task.id },
      data: { status: "failed", errorCode: "storage_full", errorMessage: "ENOSPC: no space left on device", finishedAt: new Date() },
    });
    const { body: read } = await visitor.json(`/api/tasks/${created.task.id}`);
    expect(read.task.error).toEqual({ code: "storage_full", message: expected("storage_full") });
    const page = await (await visitor.request(`/${locale}/tasks/${created.task.id}`)).text();
    const shown = /<div role="alert"[^>]*>(.*?)<\/div>/.exec(page)?.[1];
    expect(shown).toContain(expected("storage_full"));
    expect(page).not.toContain("ENOSPC");
  });
});
