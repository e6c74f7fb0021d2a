import { AppError } from "../errors";
import { ffmpegPaths } from "./ffmpeg-paths";
import { runProcess } from "./run-process";

export type FfmpegJob = {
  /** Arguments after `ffmpeg` (never a shell string): options, `-i` inputs, output options, output path last. */
  args: string[];
  /** The expected duration of the output, which progress is measured against. */
  expectedSeconds: number;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
  /** Every time position ffmpeg reports, in seconds of output. */
  onPosition?: (seconds: number) => void;
};

function secondsOf(timemark: string): number {
  const [hours, minutes, seconds] = timemark.split(":").map(Number);
  return (hours || 0) * 3600 + (minutes || 0) * 60 + (seconds || 0);
}

const TIME_POSITION = /time=\s*(\d+:\d{2}:\d{2}(?:\.\d+)?)/;

const UNDECODABLE = /Invalid data found|moov atom not found|could not find codec parameters|Error while decoding/i;

/** A concat input that could not be opened only logs an error; ffmpeg still exits 0 with a short output. */
const INPUT_REFUSED = /Impossible to open|not on whitelist/i;

/**
 * Runs ffmpeg in its own process group. Progress is ffmpeg's time position over `expectedSeconds`. On
 * abort the group gets SIGTERM, then SIGKILL, and the promise rejects with the signal's reason. When
 * something else kills ffmpeg it rejects with AppError("unavailable"), which callers treat as retryable.
 */
export async function runFfmpeg({ args, expectedSeconds, signal, onProgress, onPosition }: FfmpegJob): Promise<void> {
  const messages: string[] = [];
  const result = await runProcess({
    command: ffmpegPaths().ffmpeg,
    args: ["-hide_banner", "-nostdin", "-loglevel", "error", "-stats", ...args],
    signal,
    onStderrLine: (line) => {
      const timemark = TIME_POSITION.exec(line)?.[1];
      if (!timemark) {
        messages.push(line);
        if (messages.length > 20) messages.shift();
        return;
      }
      onPosition?.(secondsOf(timemark));
      if (expectedSeconds <= 0) return;
      onProgress?.(Math.min(99, (secondsOf(timemark) / expectedSeconds) * 100));
    },
  });
  if (result.killedBy) throw new AppError("unavailable", undefined, `ffmpeg was killed with signal ${result.killedBy}`);
  const log = messages.join("\n");
  if (result.exitCode === 0 && !INPUT_REFUSED.test(log)) return;
  const detail = messages.slice(-4).join(" | ").slice(0, 500);
  const code = UNDECODABLE.test(log) || INPUT_REFUSED.test(log) ? "invalid_input" : "processing_failed";
  throw new AppError(code, undefined, detail || `ffmpeg exited with code ${result.exitCode}`);
}
