import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { apiVisitor } from "../../support/api-visitor";
import { makeImage } from "../../support/media-fixtures";

// The shared test server runs with WEBHOOK_ALLOW_PRIVATE_NETWORKS unset (false).

let imagePath: string;

beforeAll(async () => {
  imagePath = await makeImage({ width: 64, height: 48 });
});

describe.each(["en", "zh"] as const)("POST /api/tasks refuses a notifyUrl the server must not call (%s)", (locale) => {
  const message = { en, zh }[locale].invalidFields.notifyUrl;

  it.each([
    "https://127.0.0.1/hook",
    "https://10.0.0.1/hook",
    "https://172.16.5.4/hook",
    "https://192.168.0.10/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.1.1/hook",
    "https://[::1]/hook",
    "https://[fd00::1]/hook",
    "https://[fe80::1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "http://[::ffff:127.0.0.1]/",
    "https://localhost/hook",
    "https://localhost:3000/hook",
    "http://93.184.216.34/hook",
    `https://example.com/${"a".repeat(2048)}`,
  ])("%s → 400 invalid_params, field notifyUrl", async (notifyUrl) => {
    const visitor = apiVisitor({ locale });
    const { body: uploaded } = await visitor.upload([{ path: imagePath }]);
    const { status, body } = await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [uploaded.files[0].id], notifyUrl } });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: "invalid_params", field: "notifyUrl", message } });
    expect(await getDb().task.count({ where: { visitorId: (await visitor.json("/api/me")).body.id } })).toBe(0);
  });
});
