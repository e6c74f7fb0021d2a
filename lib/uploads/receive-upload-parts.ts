import busboy, { type FileInfo } from "busboy";
import type { Readable } from "node:stream";
import { AppError } from "../errors";
import { drainBody } from "./drain-body";

/** How much of a refused upload is still read (and discarded) so the client sees our answer instead of a reset. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export type UploadPart = { stream: Readable; info: FileInfo };

/**
 * Parses a multipart body as it arrives and hands each part named `file` to `onFile`, one at a time;
 * `onFile` must consume the stream. At the first error it stops parsing, discards
 * what is left of the body (within bounds) and rejects with that error.
 */
export function receiveUploadParts(options: {
  contentType: string;
  body: Readable;
  onFile: (part: UploadPart) => Promise<void>;
}): Promise<void> {
  const { body, onFile } = options;
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": options.contentType },
        defParamCharset: "utf8",
        limits: { fields: 20, fieldSize: 64 * 1024, parts: 1000, headerPairs: 100 },
      });
    } catch {
      reject(new AppError("bad_request"));
      return;
    }
    let failed = false;
    let pending = Promise.resolve();
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      body.unpipe(parser);
      parser.removeAllListeners("file");
      parser.on("error", () => {});
      void drainBody(body, DRAIN_LIMIT_BYTES).then(() => reject(error));
    };
    parser.on("file", (name, stream, info) => {
      if (failed || name !== "file") {
        stream.resume();
        return;
      }
      pending = pending.then(() => onFile({ stream, info })).catch(fail);
    });
    parser.on("error", () => fail(new AppError("bad_request")));
    parser.on("close", () => pending.then(() => !failed && resolve(), fail));
    body.on("error", () => fail(new AppError("bad_request")));
    body.pipe(parser);
  });
}
