import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { sweepLifecycle } from "@/lib/retention/sweep-lifecycle";
import { transferCodeHash } from "@/lib/transfers/transfer-code";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { makeImage } from "../../support/media-fixtures";
import { freshLoopbackAddress, requestFrom } from "../../support/request-from";

const baseUrl = inject("baseUrl");
const CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

async function newCode(visitor: ApiVisitor): Promise<string> {
  const { status, body } = await visitor.json("/api/transfers", { method: "POST" });
  expect(status).toBe(201);
  return body.code;
}

const redeem = (visitor: ApiVisitor, code: unknown) => visitor.json("/api/transfers/redeem", { method: "POST", body: { code } });

/**
 * A try from a client address of its own, without a cookie: failed tries count per address, and every
 * test shares the loopback address otherwise.
 */
const redeemFrom = (address: string, code: string) =>
  requestFrom(address, `${baseUrl}/api/transfers/redeem?locale=en`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: Buffer.from(JSON.stringify({ code })),
  });

describe("device transfer codes", () => {
  it("makes a one-time code valid for ten minutes with a link to the visitor's language", async () => {
    const before = Date.now();
    const { status, body } = await apiVisitor({ locale: "zh" }).json("/api/transfers", { method: "POST" });
    expect(status).toBe(201);
    expect(body.code).toMatch(CODE);
    expect(body.url).toBe(`${baseUrl}/zh/link/${body.code}`);
    const expiresIn = Date.parse(body.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(9.9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000 + 5_000);
    // Only its hash is stored.
    expect(await getDb().transfer.count({ where: { codeHash: body.code } })).toBe(0);
    expect(await getDb().transfer.count({ where: { codeHash: transferCodeHash(body.code) } })).toBe(1);
  });

  it("makes another browser the same visitor, moving what that browser had, once", async () => {
    const first = apiVisitor();
    const second = apiVisitor();
    const image = await makeImage({ width: 64, height: 48 });
    const firstUpload = await first.upload([{ path: image }]);
    const secondUpload = await second.upload([{ path: image }]);
    const firstFile = firstUpload.body.files[0].id;
    const secondFile = secondUpload.body.files[0].id;
    const task = await first.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [firstFile] } });
    expect(task.status).toBe(202);
    const firstId = (await first.json("/api/me")).body.id;
    const secondOldId = (await second.json("/api/me")).body.id;
    expect((await second.json(`/api/files/${firstFile}`)).status).toBe(404);

    const code = await newCode(first);
    // Case, spaces and the dash do not matter when a code is typed.
    const typed = ` ${code.replace("-", "").toLowerCase()} `;
    const redeemed = await redeem(second, typed);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.me).toMatchObject({ id: firstId, counts: { pending: 1 } });

    expect((await second.json("/api/me")).body.id).toBe(firstId);
    expect((await second.json(`/api/files/${firstFile}`)).status).toBe(200);
    expect((await second.json(`/api/tasks/${task.body.task.id}`)).status).toBe(200);
    const download = await second.request(`/api/files/${firstFile}/content`);
    expect(download.status).toBe(200);
    // The second browser's own upload came along, for both browsers.
    expect((await first.json(`/api/files/${secondFile}`)).status).toBe(200);
    expect(await getDb().visitor.findUnique({ where: { id: secondOldId } })).toBeNull();

    const again = await redeemFrom(freshLoopbackAddress(), code);
    expect({ status: again.status, body: again.body }).toEqual({ status: 404, body: { error: { code: "not_found", message: "Not found." } } });
  });

  it("refuses expired, unknown and malformed codes alike, and a body without a code", async () => {
    const owner = apiVisitor();
    const code = await newCode(owner);
    await getDb().transfer.update({ where: { codeHash: transferCodeHash(code) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const address = freshLoopbackAddress();
    for (const tried of [code, "ZZZZ-ZZZZ", "0000-0000", "x".repeat(40)]) {
      const { status, body } = await redeemFrom(address, tried);
      expect({ status, body }).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    }
    const missing = await apiVisitor().json("/api/transfers/redeem", { method: "POST", body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: "invalid_params", field: "code" });

    expect(await getDb().transfer.count({ where: { codeHash: transferCodeHash(code) } })).toBe(1);
    await sweepLifecycle();
    expect(await getDb().transfer.count({ where: { codeHash: transferCodeHash(code) } })).toBe(0);
  });

  it("lets exactly one of several browsers redeem a code at once", async () => {
    const owner = apiVisitor();
    const ownerId = (await owner.json("/api/me")).body.id;
    const code = await newCode(owner);
    const address = freshLoopbackAddress();
    const results = await Promise.all(Array.from({ length: 6 }, () => redeemFrom(address, code)));
    expect(results.map((result) => result.status).sort()).toEqual([200, 404, 404, 404, 404, 404]);
    expect((results.find((result) => result.status === 200)!.body as { me: { id: string } }).me.id).toBe(ownerId);
  });

  it("refuses a client address after ten failed tries in ten minutes; successes do not count", async () => {
    const tryFrom = redeemFrom;
    const owner = apiVisitor();

    const careful = freshLoopbackAddress();
    const statuses = [];
    for (let attempt = 0; attempt < 9; attempt++) statuses.push((await tryFrom(careful, "ZZZZ-ZZZZ")).status);
    statuses.push((await tryFrom(careful, await newCode(owner))).status);
    statuses.push((await tryFrom(careful, "ZZZZ-ZZZZ")).status);
    expect(statuses).toEqual([...Array(9).fill(404), 200, 404]);

    const guesser = freshLoopbackAddress();
    const guesses = await Promise.all(Array.from({ length: 14 }, () => tryFrom(guesser, "ZZZZ-ZZZZ")));
    expect(guesses.filter((guess) => guess.status === 404)).toHaveLength(10);
    const refused = guesses.filter((guess) => guess.status === 429);
    expect(refused).toHaveLength(4);
    const retryAfter = Number(refused[0]!.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(refused[0]!.body).toEqual({ error: { code: "rate_limited", message: `Too many requests. Please wait ${retryAfter} seconds and try again.` } });
    // Even a good code is refused from that address until the window ends.
    expect((await tryFrom(guesser, await newCode(owner))).status).toBe(429);
  });
});
