import { describe, expect, test } from "vitest";
import { errorStatus } from "@/lib/errors";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

describe("error messages", () => {
  test("every error code has a message in English and Chinese", () => {
    for (const code of Object.keys(errorStatus)) {
      expect(en.errors, code).toHaveProperty(code);
      expect(zh.errors, code).toHaveProperty(code);
    }
    expect(Object.keys(zh.errors).sort()).toEqual(Object.keys(en.errors).sort());
  });
});
