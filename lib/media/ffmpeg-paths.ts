import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { getConfig } from "../config";
import { processSingleton } from "../process-singleton";

export type FfmpegPaths = { ffmpeg: string; ffprobe: string };

const require = createRequire(import.meta.url);

function runs(binary: string): boolean {
  try {
    execFileSync(binary, ["-version"], { stdio: "ignore", timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

function pick(configured: string | undefined, systemName: string, bundledPackage: string): string {
  if (configured) return configured;
  if (runs(systemName)) return systemName;
  return (require(bundledPackage) as { path: string }).path;
}

const paths = processSingleton<FfmpegPaths>("ffmpeg-paths");

/** FFMPEG_PATH/FFPROBE_PATH when set, else the system's binaries, else the ones bundled from npm. */
export function ffmpegPaths(): FfmpegPaths {
  return paths.get(() => {
    const config = getConfig();
    return {
      ffmpeg: pick(config.ffmpegPath, "ffmpeg", "@ffmpeg-installer/ffmpeg"),
      ffprobe: pick(config.ffprobePath, "ffprobe", "@ffprobe-installer/ffprobe"),
    };
  });
}
