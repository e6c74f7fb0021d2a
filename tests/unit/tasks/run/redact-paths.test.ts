import { describe, expect, it } from "vitest";
import { redactPaths } from "@/lib/tasks/run/outcome-of-error";

describe("redactPaths", () => {
  it("keeps only the last part of absolute paths in ffmpeg's messages", () => {
    const message = "ffprobe exited with code 1: /tmp/clipclean-data-x1/files/uploads/0199.mp4: Invalid data found when processing input";
    expect(redactPaths(message)).toBe("ffprobe exited with code 1: 0199.mp4: Invalid data found when processing input");
    expect(redactPaths("could not read '/srv/app/.data/files/a/b.webm' (moov atom not found)")).toBe("could not read 'b.webm' (moov atom not found)");
  });

  it("leaves text without paths alone", () => {
    expect(redactPaths("Stopped after the 30-minute time limit")).toBe("Stopped after the 30-minute time limit");
  });
});
