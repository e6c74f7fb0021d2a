import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { z } from "zod";
import { AppError } from "../errors";
import { drainBody } from "../uploads/drain-body";

/** Parses `value` with `schema`; the first problem becomes a 400 invalid_params naming the offending field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const field = result.error.issues[0]?.path.join(".");
  throw new AppError("invalid_params", field || undefined);
}

/** Every JSON body the API takes is a few hundred bytes; anything near this is not a real client. */
const MAX_JSON_BODY_BYTES = 64 * 1024;

/** How much of a refused body is still read and thrown away, in the background, before its connection is closed. */
const DISCARD_LIMIT_BYTES = 1024 * 1024;

/** The body's bytes, read only up to the limit: a longer body is refused without being kept or parsed. */
async function readLimited(body: Readable, declaredBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let tooLarge = declaredBytes > MAX_JSON_BODY_BYTES;
  if (!tooLarge) {
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      total += chunk.length;
      tooLarge = total > MAX_JSON_BODY_BYTES;
      if (tooLarge) break;
      chunks.push(chunk);
    }
  }
  if (!tooLarge) return Buffer.concat(chunks, total);
  void drainBody(body, DISCARD_LIMIT_BYTES);
  throw new AppError("body_too_large");
}

/** The request's JSON body; a missing or malformed body is a 400 bad_request, one over 64 KiB a 413 body_too_large. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!request.body) return {};
  const declaredBytes = Number(request.headers.get("content-length") ?? 0);
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const text = (await readLimited(body, declaredBytes)).toString("utf8");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request");
  }
}
