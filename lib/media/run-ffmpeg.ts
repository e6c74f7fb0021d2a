import ffmpeg from "fluent-ffmpeg";
import { AppError } from "../errors";
import { ffmpegPaths } from "./ffmpeg-paths";

/** How long ffmpeg gets to exit after SIGTERM before it is killed outright. */
const KILL_GRACE_MS = 2_000;

export type FfmpegJob = {
  /** Arguments after `ffmpeg` (never a shell string): options, `-i` inputs, output options, output path last. */
  args: string[];
  /** The expected duration of the output, which progress is measured against. */
  expectedSeconds: number;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
};

function secondsOf(timemark: string): number {
  const [hours, minutes, seconds] = timemark.split(":").map(Number);
  return (hours || 0) * 3600 + (minutes || 0) * 60 + (seconds || 0);
}

const TIME_POSITION = /time=\s*(\d+:\d{2}:\d{2}(?:\.\d+)?)/;

const UNDECODABLE = /Invalid data found|moov atom not found|could not find codec parameters|Error while decoding/i;

/**
 * Runs ffmpeg through fluent-ffmpeg. Progress is ffmpeg's time position over `expectedSeconds`
 * (fluent-ffmpeg's own percent follows the first input only). On abort ffmpeg gets SIGTERM, then
 * SIGKILL, and the promise rejects with the signal's reason. When something else kills ffmpeg it
 * rejects with AppError("unavailable"), which callers treat as retryable.
 */
export function runFfmpeg({ args, expectedSeconds, signal, onProgress }: FfmpegJob): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const command = ffmpeg().setFfmpegPath(ffmpegPaths().ffmpeg);
    // fluent-ffmpeg wants a first input and an output; everything between goes through verbatim
    // (spread, so it never splits an argument at a space).
    const firstInput = args.indexOf("-i");
    const beforeInput = args.slice(0, firstInput);
    const between = args.slice(firstInput + 2, -1);
    command.input(args[firstInput + 1] ?? "");
    if (beforeInput.length > 0) command.inputOptions(...beforeInput);
    if (between.length > 0) command.outputOptions(...between);
    command.output(args.at(-1) ?? "");
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      command.kill("SIGTERM");
      killTimer = setTimeout(() => command.kill("SIGKILL"), KILL_GRACE_MS);
    };
    const settle = () => {
      signal.removeEventListener("abort", onAbort);
      clearTimeout(killTimer);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    // Progress is read from ffmpeg's own status lines: a 'progress' listener would make
    // fluent-ffmpeg run ffprobe on the first input as well, competing with the encode for CPU.
    command.on("stderr", (line: string) => {
      const timemark = TIME_POSITION.exec(line)?.[1];
      if (!timemark || expectedSeconds <= 0) return;
      onProgress?.(Math.min(99, (secondsOf(timemark) / expectedSeconds) * 100));
    });
    command.on("error", (error: Error, _stdout: string | null, stderr: string | null) => {
      stderr ??= "";
      settle();
      if (signal.aborted) return reject(signal.reason);
      // Killed from outside (e.g. the whole process group got SIGTERM): the work can be retried.
      if (/killed with signal/i.test(error.message)) return reject(new AppError("unavailable", undefined, error.message));
      const detail = (stderr || error.message).trim().split("\n").slice(-4).join(" | ").slice(0, 500);
      reject(new AppError(UNDECODABLE.test(stderr) ? "invalid_input" : "processing_failed", undefined, detail));
    });
    command.on("end", () => {
      settle();
      resolve();
    });
    command.run();
  });
}
