import { describe, expect, it } from "vitest";
import { isHttpsRequest, readCookie } from "@/lib/web/request-facts";
import { readSessionCookie, sessionCookie } from "@/lib/web/session";

const session = { visitorId: "0192f5c4-6c1e-7e0a-9f3b-0c5d1e2f3a4b", seenAt: 1_700_000_000_000 };

function cookieJar(...setCookies: string[]) {
  const header = setCookies.map((setCookie) => setCookie.split(";")[0]).join("; ");
  return (name: string) => readCookie(header, name);
}

describe("the visitor cookie", () => {
  it("over https is __Host-prefixed, Secure, Path=/ and has no Domain", async () => {
    const request = new Request("https://clips.example/api/me");
    const setCookie = await sessionCookie(session, isHttpsRequest(request));
    expect(setCookie).toMatch(/^__Host-clipclean_session=[^;]+; /);
    const attributes = setCookie.split("; ").slice(1);
    expect(attributes).toContain("Secure");
    expect(attributes).toContain("Path=/");
    expect(attributes).toContain("HttpOnly");
    expect(attributes).toContain("SameSite=Lax");
    expect(setCookie).not.toMatch(/Domain=/i);
  });

  it("over http keeps its plain name and is not Secure", async () => {
    const setCookie = await sessionCookie(session, isHttpsRequest(new Request("http://localhost:3000/api/me")));
    expect(setCookie).toMatch(/^clipclean_session=[^;]+; /);
    expect(setCookie).not.toContain("Secure");
  });

  it("is read under the __Host- name over https", async () => {
    const found = await readSessionCookie(cookieJar(await sessionCookie(session, true)), true);
    expect(found).toEqual({ session, currentName: true });
  });

  it("from before a move to https is still read there, and marked for re-issue under the new name", async () => {
    const found = await readSessionCookie(cookieJar(await sessionCookie(session, false)), true);
    expect(found).toEqual({ session, currentName: false });
  });

  it("prefers the __Host- cookie when both are present", async () => {
    const older = { ...session, visitorId: "0192f5c4-0000-7000-8000-000000000000" };
    const jar = cookieJar(await sessionCookie(older, false), await sessionCookie(session, true));
    expect((await readSessionCookie(jar, true)).session).toEqual(session);
  });

  it("over http ignores a __Host- cookie (browsers never send one there)", async () => {
    const found = await readSessionCookie(cookieJar(await sessionCookie(session, true)), false);
    expect(found.session).toBeNull();
  });
});
