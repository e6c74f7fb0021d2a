import type { BaseMedia } from "../base-media";
import type { CorpusItem } from "../corpus-item";
import type { Random } from "../seeded-random";

/** Where a manifest can point: missing segments, files on the server, other protocols. */
function targets(base: BaseMedia): string[] {
  const [ts, mp4, mkv] = (["ts", "mp4", "mkv"] as const).map((format) => base.byFormat(format).path);
  return [
    "segment-000.ts", ts!, mp4!, mkv!, `file://${ts}`, `file://${mp4}`, "/etc/passwd", "/proc/self/environ",
    "../../../../../../etc/hostname", "http://127.0.0.1:9/segment.ts", "http://localhost:3000/api/health",
    `concat:${ts}|${ts}`, `subfile,,start,0,end,4096,,:${mp4}`, `crypto:${ts}`, "data:video/mp2t;base64,R0lGODlh",
  ];
}

type Manifest = (target: string, random: Random) => string;

const manifests: Record<string, Manifest> = {
  "hls-live": (target) => `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:2.0,\n${target}\n`,
  "hls-vod": (target, random) => `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n${`#EXTINF:1.0,\n${target}\n`.repeat(random.between(1, 4))}#EXT-X-ENDLIST\n`,
  "hls-master": (target) => `#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1280000,RESOLUTION=64x48\n${target}\n`,
  "hls-key": (target) => `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXT-X-KEY:METHOD=AES-128,URI="${target}"\n#EXTINF:1.0,\nsegment-000.ts\n#EXT-X-ENDLIST\n`,
  "hls-map": (target) => `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXT-X-MAP:URI="${target}"\n#EXTINF:1.0,\n${target}\n#EXT-X-ENDLIST\n`,
  dash: (target) =>
    `<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT1S" minBufferTime="PT1S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">\n<Period><AdaptationSet mimeType="video/mp4"><Representation id="1" bandwidth="1000" width="64" height="48"><BaseURL>${target}</BaseURL></Representation></AdaptationSet></Period></MPD>\n`,
  ffconcat: (target, random) => `ffconcat version 1.0\n${`file '${target}'\n`.repeat(random.between(1, 3))}`,
  "ffconcat-options": (target) => `ffconcat version 1.0\nfile '${target}'\ninpoint 0\noutpoint 1\nfile_packet_metadata url=${target}\n`,
  sdp: (_target, random) => `v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=clip\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video ${random.between(5000, 6000)} RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n`,
  "protocol-string": (target) => `${target}\n`,
  "image2-pattern": (_target, random) => `${random.pick(["img%03d.png", "frame-%d.jpg", "*.png", "/tmp/%02d.jpg"])}\n`,
  "ffmetadata": (target) => `;FFMETADATA1\ntitle=${target}\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\n`,
};

const disguises = [
  ["clip.mp4", "video/mp4"], ["playlist.m3u8", "application/vnd.apple.mpegurl"], ["photo.jpg", "image/jpeg"],
  ["manifest.mpd", "application/dash+xml"], ["stream.sdp", "application/sdp"], ["list.txt", "text/plain"],
  ["movie.mkv", "video/x-matroska"], ["noextension", "application/octet-stream"], ["picture.png", "image/png"],
] as const;

/** Variations a sloppy check might miss: a BOM, CRLF line ends, a little trailing junk. */
function decorate(text: string, random: Random): Buffer {
  let decorated = text;
  if (random.next() < 0.2) decorated = decorated.replace(/\n/g, "\r\n");
  if (random.next() < 0.15) decorated = `\ufeff${decorated}`;
  const bytes = Buffer.from(decorated);
  return random.next() < 0.15 ? Buffer.concat([bytes, random.bytes(random.between(1, 64))]) : bytes;
}

/** Playlists and manifests of every kind, pointing at missing, local and remote media: all must be refused. */
export function playlistItems(base: BaseMedia, random: Random, count: number): CorpusItem[] {
  const kinds = Object.keys(manifests);
  const pointsAt = targets(base);
  return Array.from({ length: count }, (_, index) => {
    const kind = kinds[index % kinds.length]!;
    const [name, mime] = random.pick(disguises);
    return {
      id: `playlist-${kind}-${index}`, family: "playlist", name, mime, expect: "refuse",
      bytes: decorate(manifests[kind]!(random.pick(pointsAt), random), random),
    };
  });
}
