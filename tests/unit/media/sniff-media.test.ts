import { describe, expect, test } from "vitest";
import { confinedInput } from "@/lib/media/confined-input";
import { sniffMedia, VIDEO_DEMUXERS } from "@/lib/media/sniff-media";

/** A file head: `bytes` at the start, padded to a realistic length. */
function head(...parts: (string | number[])[]): Buffer {
  const start = Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));
  return Buffer.concat([start, Buffer.alloc(Math.max(0, 1024 - start.length))]);
}

const box = (type: string, brand: string) => head([0, 0, 0, 0x18], type, brand);

function mpegTs(): Buffer {
  const packets = Buffer.alloc(188 * 4);
  for (let packet = 0; packet < 4; packet += 1) packets[packet * 188] = 0x47;
  return packets;
}

describe("sniffMedia", () => {
  test.each([
    ["JPEG", head([0xff, 0xd8, 0xff, 0xe0]), { kind: "image", format: "jpeg" }],
    ["PNG", head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { kind: "image", format: "png" }],
    ["GIF", head("GIF89a"), { kind: "image", format: "gif" }],
    ["WebP", head("RIFF", [1, 0, 0, 0], "WEBPVP8 "), { kind: "image", format: "webp" }],
    ["AVIF", box("ftyp", "avif"), { kind: "image", format: "avif" }],
    ["MP4", box("ftyp", "isom"), { kind: "video", demuxer: "mov" }],
    ["QuickTime", box("ftyp", "qt  "), { kind: "video", demuxer: "mov" }],
    ["old QuickTime", box("moov", "mvhd"), { kind: "video", demuxer: "mov" }],
    ["Matroska/WebM", head([0x1a, 0x45, 0xdf, 0xa3]), { kind: "video", demuxer: "matroska" }],
    ["AVI", head("RIFF", [1, 0, 0, 0], "AVI LIST"), { kind: "video", demuxer: "avi" }],
    ["MPEG-TS", mpegTs(), { kind: "video", demuxer: "mpegts" }],
    ["FLV", head("FLV", [1, 5]), { kind: "video", demuxer: "flv" }],
    ["Ogg", head("OggS", [0]), { kind: "video", demuxer: "ogg" }],
    ["ASF/WMV", head([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]), { kind: "video", demuxer: "asf" }],
    ["MPEG-PS", head([0x00, 0x00, 0x01, 0xba]), { kind: "video", demuxer: "mpeg" }],
  ])("recognises %s by its first bytes", (_, bytes, expected) => {
    expect(sniffMedia(bytes)).toEqual(expected);
  });

  test.each([
    ["an HLS playlist", head("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n/srv/data/files/uploads/x\n")],
    ["an HLS playlist after a byte-order mark", head([0xef, 0xbb, 0xbf], "#EXTM3U\n")],
    ["a DASH manifest", head('<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011">')],
    ["an ffconcat script", head("ffconcat version 1.0\nfile /etc/passwd\n")],
    ["an SDP description", head("v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\nm=video 5004 RTP/AVP 96\r\n")],
    ["protocol tricks", head("concat:/a.mp4|/b.mp4")],
    ["a subfile: URL", head("subfile,,start,0,end,0,,:/srv/data/files/uploads/x")],
    ["plain text", head("This is just some text pretending to be a video.\n")],
    ["HEIC (not on the image list)", box("ftyp", "heic")],
    ["a WAV file", head("RIFF", [1, 0, 0, 0], "WAVEfmt ")],
    ["too few bytes", Buffer.from([0xff, 0xd8])],
    ["one lone TS sync byte", head([0x47])],
  ])("refuses %s", (_, bytes) => {
    expect(sniffMedia(bytes)).toBeNull();
  });
});

describe("confinedInput", () => {
  test("forces the sniffed demuxer, the file protocol and the demuxer allowlist", () => {
    const args = confinedInput("/data/uploads/abc", "matroska");
    expect(args).toEqual([
      "-protocol_whitelist", "file", "-format_whitelist", VIDEO_DEMUXERS.join(","), "-f", "matroska", "-i", "file:/data/uploads/abc",
    ]);
    for (const referencing of ["hls", "dash", "concat", "sdp", "rtp", "image2", "tee", "data"]) {
      expect(VIDEO_DEMUXERS as readonly string[]).not.toContain(referencing);
    }
  });
});
