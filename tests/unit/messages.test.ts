import { describe, expect, it } from "vitest";
import { errorStatus } from "@/lib/errors";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** The values a message fills in, each once (a select or plural may name one in several branches; a branch's own words are none). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1]))].sort();

describe("messages", () => {
  it("en.json and zh.json have exactly the same keys", () => {
    expect(keyPaths(zh).sort()).toEqual(keyPaths(en).sort());
  });

  it("every error code has a message in both languages", () => {
    for (const code of Object.keys(errorStatus)) {
      expect(en.errors, `en errors.${code}`).toHaveProperty(code);
      expect(zh.errors, `zh errors.${code}`).toHaveProperty(code);
    }
  });

  it("translations use the same placeholders and are not left in English", () => {
    const flat = (messages: object) => Object.fromEntries(keyPaths(messages).map((path) => [path, path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string]));
    const english = flat(en);
    const chinese = flat(zh);
    for (const [path, text] of Object.entries(english)) {
      expect(placeholders(chinese[path]!), path).toEqual(placeholders(text));
      if (/[a-z]{4,}/i.test(text) && path !== "meta.siteName" && path !== "nav.switchTo") {
        expect(chinese[path], `${path} should be translated`).not.toBe(text);
      }
    }
  });
});
