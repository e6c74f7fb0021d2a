import { describe, expect, it } from "vitest";
import { contentDisposition } from "@/lib/web/file-response";

describe("contentDisposition", () => {
  it("gives ASCII names as they are", () => {
    expect(contentDisposition("clip.mp4")).toBe(`attachment; filename="clip.mp4"; filename*=UTF-8''clip.mp4`);
  });

  it("keeps Unicode names in filename* and an ASCII fallback in filename", () => {
    expect(contentDisposition("Café (1).mp4")).toBe(`attachment; filename="Cafe (1).mp4"; filename*=UTF-8''Caf%C3%A9%20%281%29.mp4`);
    expect(contentDisposition("视频.mp4", "inline")).toBe(`inline; filename=".mp4"; filename*=UTF-8''%E8%A7%86%E9%A2%91.mp4`);
  });

  it("never lets quotes or backslashes break the header", () => {
    expect(contentDisposition('a"b\\c.mp4')).toBe(`attachment; filename="a_b_c.mp4"; filename*=UTF-8''a%22b%5Cc.mp4`);
    expect(contentDisposition("影片")).toContain('filename="download"');
  });
});
