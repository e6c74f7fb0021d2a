import type { BaseMedia } from "../base-media";
import type { CorpusItem } from "../corpus-item";
import type { Random } from "../seeded-random";

const hostileNames = [
  "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "/etc/shadow", "C:\\boot.ini", "....//....//x.mp4",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "concat:a.mp4|b.mp4", "subfile,,start,0,end,0,,:x.mp4", "img%03d.png", "file:///etc/passwd",
  "http://127.0.0.1/x.m3u8", "-i.mp4", "$(reboot).mp4", "`id`.mp4", "a;rm -rf ~.mp4", "clip.mp4\u0000.png", "clip\r\nX-Header: 1.mp4",
  "\u202etxt.4pm", "我的视频 — été 🎬.mp4", "e\u0301\u0301\u0301.mp4", "\u200b\u200d\ufeff.mp4", "CON.mp4", ".htaccess", " ", "",
  "\"quoted\".mp4", "<script>alert(1)</script>.mp4", "clip.m3u8", "clip.mpd", "clip.sdp", "clip.ffconcat",
];

const hostileMimes = [
  "application/vnd.apple.mpegurl", "application/dash+xml", "text/html", "image/svg+xml", "application/x-msdownload",
  "video/mp4; charset=utf-8", "", "x/y", "image/png", "video/mp4",
];

function longName(random: Random): string {
  const unit = random.pick(["a", "é", "视", "🎬", "../"]);
  return `${unit.repeat(random.between(256, 1200))}.mp4`;
}

/** Intact clips and pictures under hostile names, extensions and MIME types: judged by content, so accepted. */
export function nameItems(base: BaseMedia, random: Random, count: number): CorpusItem[] {
  return Array.from({ length: count }, (_, index) => {
    const file = base.files[index % base.files.length]!;
    const name = index % 7 === 6 ? longName(random) : hostileNames[index % hostileNames.length]!;
    const wrongExtension = random.pick(["mp4", "png", "m3u8", "txt", "exe", "jpg"]);
    const chosen = index % 3 === 0 ? `clip.${wrongExtension}` : name;
    return {
      id: `name-${file.format}-${index}`, family: "name", bytes: file.bytes, name: chosen, mime: random.pick(hostileMimes),
      expect: chosen === "" || chosen.includes("\u0000") ? "accept-or-malformed" : "accept",
    };
  });
}
