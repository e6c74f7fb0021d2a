import { describe, expect, it } from "vitest";
import { uploadName } from "@/lib/uploads/save-uploaded-files";

describe("uploadName", () => {
  it("keeps Unicode names, normalised", () => {
    expect(uploadName("我的视频 🎬.mp4")).toBe("我的视频 🎬.mp4");
    expect(uploadName("Cafe\u0301.mp4")).toBe("Café.mp4");
  });

  it("drops folders and control characters, and names nameless files", () => {
    expect(uploadName("C:\\Users\\me\\clip.mp4")).toBe("clip.mp4");
    expect(uploadName("../../etc/passwd")).toBe("passwd");
    expect(uploadName("a\u0000b\nc.mp4")).toBe("abc.mp4");
    expect(uploadName(undefined)).toBe("file");
    expect(uploadName("   ")).toBe("file");
  });

  it("limits names to 255 characters", () => {
    expect(Array.from(uploadName("视".repeat(400)))).toHaveLength(255);
  });
});
