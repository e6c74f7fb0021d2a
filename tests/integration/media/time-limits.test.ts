import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { probeMedia } from "@/lib/media/probe-media";
import { runFfmpeg } from "@/lib/media/run-ffmpeg";
import { runProcess } from "@/lib/media/run-process";
import { makeVideo } from "../../support/media-fixtures";
import { descendantCommands } from "../../support/process-children";
import { waitFor } from "../../support/wait-for";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "clipclean-hang-"));
  // An ffprobe that never answers, and leaves a child of its own behind: the probe's time limit must end both.
  const hangingProbe = join(dir, "ffprobe");
  await writeFile(hangingProbe, "#!/bin/sh\nsleep 300 &\nsleep 300\n");
  await chmod(hangingProbe, 0o755);
  // Read lazily by lib/config and lib/media/ffmpeg-paths, which this test file loads afresh.
  process.env.FFPROBE_PATH = hangingProbe;
  process.env.MEDIA_PROBE_TIMEOUT_SECONDS = "0.5";
});

async function leftovers(): Promise<string[]> {
  return (await descendantCommands(process.pid)).filter((name) => ["sleep", "sh", "ffmpeg", "ffprobe"].includes(name));
}

describe("time limits on external tools", () => {
  test("a probe that hangs is refused once its time limit passes, and its whole process group is gone", async () => {
    const clip = await makeVideo({ seconds: 1, width: 64, height: 64 });
    const refusal = await probeMedia(clip).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "unsupported_media", message: expect.stringMatching(/time limit/) });
    expect(await leftovers()).toEqual([]);
  });

  test("an ffmpeg that would run forever dies with its signal", async () => {
    const args = ["-re", "-f", "lavfi", "-i", "testsrc2=size=64x64:rate=25", "-f", "null", "-"];
    const outcome = runFfmpeg({ args, expectedSeconds: 10, signal: AbortSignal.timeout(1_000) });
    await expect(outcome).rejects.toMatchObject({ name: "TimeoutError" });
    expect(await leftovers()).toEqual([]);
  });

  test("a tool that ignores SIGTERM is killed, with its children, after the grace period", async () => {
    const controller = new AbortController();
    const running = runProcess({ command: "sh", args: ["-c", "trap '' TERM; sleep 300 & sleep 300"], signal: controller.signal });
    await waitFor(async () => (await leftovers()).includes("sleep"), { what: "the tool to start" });
    controller.abort(new Error("cancelled"));
    await expect(running).rejects.toThrow("cancelled");
    expect(await leftovers()).toEqual([]);
  });

  test("a FIFO in place of an upload is refused without blocking on it", async () => {
    const fifo = join(dir, "upload.fifo");
    execFileSync("mkfifo", [fifo]);
    await expect(probeMedia(fifo)).rejects.toMatchObject({ code: "unsupported_media" });
  });
});
