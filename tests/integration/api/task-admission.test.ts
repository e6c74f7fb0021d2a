import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor } from "../../support/api-visitor";
import { makeImage } from "../../support/media-fixtures";

describe("active-task limit under concurrent submissions", () => {
  it("accepts exactly 20 of 50 tasks submitted at once and refuses the rest with 429", async () => {
    const visitor = apiVisitor();
    const { body } = await visitor.upload([{ path: await makeImage({ width: 64, height: 64 }) }]);
    const image = body.files[0].id;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [image] } })),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
    const { body: me } = await visitor.json("/api/me");
    expect(await getDb().task.count({ where: { visitorId: me.id } })).toBe(20);
  });
});
