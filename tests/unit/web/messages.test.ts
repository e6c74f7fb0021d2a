import { describe, expect, it } from "vitest";
import { errorStatus } from "@/lib/errors";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

describe("error messages", () => {
  it("exist in English and Chinese for every error code", () => {
    for (const code of Object.keys(errorStatus)) {
      expect(en.errors, code).toHaveProperty(code);
      expect(zh.errors, code).toHaveProperty(code);
    }
    expect(Object.keys(zh.errors).sort()).toEqual(Object.keys(en.errors).sort());
  });
});
