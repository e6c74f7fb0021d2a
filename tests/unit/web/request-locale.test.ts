import { describe, expect, it } from "vitest";
import { requestLocale } from "@/lib/web/request-locale";

const request = (headers: Record<string, string>, query = "") => new Request(`http://localhost/api/me${query}`, { headers });

describe("requestLocale", () => {
  it("prefers ?locale=, then the NEXT_LOCALE cookie, then Accept-Language", () => {
    expect(requestLocale(request({ cookie: "NEXT_LOCALE=en", "accept-language": "en" }, "?locale=zh"))).toBe("zh");
    expect(requestLocale(request({ cookie: "a=b; NEXT_LOCALE=zh", "accept-language": "en" }))).toBe("zh");
    expect(requestLocale(request({ "accept-language": "fr-FR, zh-CN;q=0.8, en;q=0.5" }))).toBe("zh");
    expect(requestLocale(request({ "accept-language": "zh;q=0.2, en-GB;q=0.9" }))).toBe("en");
  });

  it("falls back to English", () => {
    expect(requestLocale(request({}))).toBe("en");
    expect(requestLocale(request({ "accept-language": "de, fr;q=0.5", cookie: "NEXT_LOCALE=xx" }))).toBe("en");
    expect(requestLocale(request({ "accept-language": "zh;q=0" }))).toBe("en");
  });
});
