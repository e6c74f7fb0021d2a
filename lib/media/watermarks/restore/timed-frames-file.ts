import { open, type FileHandle } from "node:fs/promises";

// Restored boxes go back to ffmpeg with each frame's own time, so they meet their frame exactly and the
// video keeps its timestamps (a phone's variable frame rate, a gap after the first frame). Raw video
// has no times, so the boxes are written as a Matroska file of uncompressed yuv420p frames: one
// cluster per frame, its time in microseconds.

/** Nanoseconds per Matroska timestamp tick. */
const TICK_NS = 1000;

const ID = {
  ebml: [0x1a, 0x45, 0xdf, 0xa3],
  docType: [0x42, 0x82],
  segment: [0x18, 0x53, 0x80, 0x67],
  info: [0x15, 0x49, 0xa9, 0x66],
  timestampScale: [0x2a, 0xd7, 0xb1],
  tracks: [0x16, 0x54, 0xae, 0x6b],
  trackEntry: [0xae],
  trackNumber: [0xd7],
  trackUid: [0x73, 0xc5],
  trackType: [0x83],
  codecId: [0x86],
  video: [0xe0],
  pixelWidth: [0xb0],
  pixelHeight: [0xba],
  colourSpace: [0x2e, 0xb5, 0x24],
  cluster: [0x1f, 0x43, 0xb6, 0x75],
  timestamp: [0xe7],
  simpleBlock: [0xa3],
};

/** An element's size as an 8-byte EBML variable-length integer. */
function sizeBytes(size: number): number[] {
  const bytes = [0x01];
  for (let shift = 48; shift >= 0; shift -= 8) bytes.push(Math.floor(size / 2 ** shift) % 256);
  return bytes;
}

function unsigned(value: number): number[] {
  const bytes: number[] = [];
  for (let rest = value; bytes.length === 0 || rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return bytes;
}

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));
const element = (id: number[], body: number[]) => [...id, ...sizeBytes(body.length), ...body];

function header(size: { width: number; height: number }): Uint8Array {
  const video = element(ID.video, [...element(ID.pixelWidth, unsigned(size.width)), ...element(ID.pixelHeight, unsigned(size.height)), ...element(ID.colourSpace, ascii("I420"))]);
  const track = element(ID.trackEntry, [
    ...element(ID.trackNumber, [1]),
    ...element(ID.trackUid, [1]),
    ...element(ID.trackType, [1]),
    ...element(ID.codecId, ascii("V_UNCOMPRESSED")),
    ...video,
  ]);
  return Uint8Array.from([
    ...element(ID.ebml, element(ID.docType, ascii("matroska"))),
    ...ID.segment, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, // unknown size: the clusters follow to the end
    ...element(ID.info, element(ID.timestampScale, unsigned(TICK_NS))),
    ...element(ID.tracks, track),
  ]);
}

/** A frame's time in ticks, never later than the frame's own time (ffmpeg pairs a box with the latest one not after its frame). */
export const frameTicks = (seconds: number) => Math.floor((seconds * 1e9) / TICK_NS);

export type TimedFramesFile = { write: (frame: Uint8Array, seconds: number) => Promise<void>; close: () => Promise<void> };

/** Frames written at a time: a few megabytes for the largest boxes. */
const FRAMES_PER_WRITE = 32;

/** A Matroska file of yuv420p frames of `size`, each written with its time (seconds ≥ 0, increasing). */
export async function openTimedFramesFile(path: string, size: { width: number; height: number }): Promise<TimedFramesFile> {
  const file: FileHandle = await open(path, "w");
  const pending: Uint8Array[] = [header(size)];
  const flush = async () => {
    await file.writev(pending.splice(0));
  };
  return {
    async write(frame, seconds) {
      const block = [...ID.simpleBlock, ...sizeBytes(frame.length + 4), 0x81, 0x00, 0x00, 0x80];
      const timestamp = element(ID.timestamp, unsigned(frameTicks(seconds)));
      const clusterSize = timestamp.length + block.length + frame.length;
      pending.push(Uint8Array.from([...ID.cluster, ...sizeBytes(clusterSize), ...timestamp, ...block]), Uint8Array.from(frame));
      if (pending.length >= 2 * FRAMES_PER_WRITE) await flush();
    },
    async close() {
      try {
        await flush();
      } finally {
        await file.close();
      }
    },
  };
}
