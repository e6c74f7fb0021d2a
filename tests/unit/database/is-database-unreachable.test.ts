import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "@/lib/database/is-database-unreachable";

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe("isDatabaseUnreachable", () => {
  it("recognises a refused, dropped or restarting database however deeply Prisma wraps it", () => {
    expect(isDatabaseUnreachable(socketError("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnreachable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    const prismaError = Object.assign(new Error("Invalid invocation"), {
      code: "P2010",
      meta: { driverAdapterError: Object.assign(new Error("DatabaseNotReachable"), { cause: { kind: "DatabaseNotReachable" } }) },
    });
    expect(isDatabaseUnreachable(prismaError)).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" }))).toBe(true);
  });

  it("leaves bugs and refused queries alone", () => {
    expect(isDatabaseUnreachable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("relation does not exist"), { code: "42P01" }))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
  });
});
