import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ffmpegPaths } from "@/lib/media/ffmpeg-paths";

const run = promisify(execFile);

export type ProbedStream = {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
};
export type Probe = { format: { duration?: string; format_name?: string }; streams: ProbedStream[] };

/** ffprobe's JSON for a file (throws when ffprobe cannot read it). */
export async function probeFile(path: string): Promise<Probe> {
  const args = ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path];
  const { stdout } = await run(ffmpegPaths().ffprobe, args);
  return JSON.parse(stdout) as Probe;
}

export function videoStream(probe: Probe): ProbedStream | undefined {
  return probe.streams.find((stream) => stream.codec_type === "video");
}

export function audioStream(probe: Probe): ProbedStream | undefined {
  return probe.streams.find((stream) => stream.codec_type === "audio");
}
