import { boxMark, textMark, type Background, type ClipSpec, type Mark } from "../../tests/support/watermark-clips";

/** One benchmark clip: what is drawn, and whether a region is expected at all. */
export type CorpusClip = { name: string; spec: ClipSpec };

const BACKGROUNDS: Background[] = ["scrolled-testsrc", "scrolled-noise", "cellauto", "life", "scrolled-mandelbrot"];
const OPACITIES = [0.35, 0.5, 0.7, 1];
const WIDTH = 640;
const HEIGHT = 360;

type Place = { x: string; y: string; boxX: (w: number) => number; boxY: (h: number) => number };
const PLACES: Place[] = [
  { x: "18", y: "16", boxX: () => 18, boxY: () => 16 },
  { x: "w-tw-18", y: "16", boxX: (w) => WIDTH - w - 18, boxY: () => 16 },
  { x: "18", y: "h-th-20", boxX: () => 18, boxY: (h) => HEIGHT - h - 20 },
  { x: "w-tw-24", y: "h-th-22", boxX: (w) => WIDTH - w - 24, boxY: (h) => HEIGHT - h - 22 },
];

type MarkMaker = (place: Place, opacity: number) => Mark;
const text = (value: string, size: number, extra: { boxed?: boolean; cjk?: boolean; color?: string } = {}): MarkMaker => (place, opacity) =>
  textMark({ text: value, size, opacity, ...extra, x: place.x, y: place.y });
const box = (width: number, height: number, outline: boolean, color = "white"): MarkMaker => (place, opacity) =>
  boxMark({ x: place.boxX(width), y: place.boxY(height), width, height, opacity, outline, color });

const MARKS: MarkMaker[] = [
  text("@my_channel", 28),
  text("www.example.com", 22),
  text("@小明的频道", 30, { cjk: true }),
  text("LIVE", 26, { boxed: true }),
  box(64, 40, false),
  box(90, 54, true),
  text("@dark_mark", 30, { color: "black" }),
  text("抖音号 123456", 24, { cjk: true, boxed: true }),
  text("© 2026 Studio", 24),
];

/** 36 marked clips (9 kinds of mark × 4 corners, opacities 35–100 %, five moving backgrounds) and 8 clean ones. */
export function watermarkCorpus(): { marked: CorpusClip[]; clean: CorpusClip[] } {
  const marked: CorpusClip[] = [];
  MARKS.forEach((make, markIndex) => {
    PLACES.forEach((place, placeIndex) => {
      const n = markIndex * PLACES.length + placeIndex;
      const opacity = OPACITIES[n % OPACITIES.length]!;
      const background = BACKGROUNDS[n % BACKGROUNDS.length]!;
      const mark = make(place, opacity);
      marked.push({ name: `${mark.name} @${Math.round(opacity * 100)}% on ${background} (corner ${placeIndex})`, spec: { background, marks: [mark], seed: n + 1 } });
    });
  });
  const clean: CorpusClip[] = [
    ...BACKGROUNDS.map((background, index) => ({ name: `clean ${background}`, spec: { background, marks: [], seed: 100 + index } })),
    { name: "clean letterboxed", spec: { background: "scrolled-testsrc", marks: [], bars: { kind: "letterbox", share: 0.75 } } },
    { name: "clean pillarboxed", spec: { background: "scrolled-noise", marks: [], bars: { kind: "pillarbox", share: 0.75 } } },
    { name: "still video", spec: { background: "scrolled-testsrc", marks: [], still: true } },
  ];
  return { marked, clean };
}
