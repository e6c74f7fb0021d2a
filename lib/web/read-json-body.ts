import { AppError } from "../errors";
import { discardBody } from "./discard-body";

/** Every JSON body the API takes is a few hundred bytes; anything near this is not a real client. */
const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The body's bytes, read only up to the limit: a longer body is refused without being kept or parsed. */
async function readLimited(body: ReadableStream<Uint8Array>, declaredBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  if (declaredBytes > MAX_JSON_BODY_BYTES) {
    discardBody(reader);
    throw new AppError("body_too_large");
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > MAX_JSON_BODY_BYTES) {
      discardBody(reader);
      throw new AppError("body_too_large");
    }
    chunks.push(value);
  }
}

/** The request's JSON body; a missing or malformed body is a 400 bad_request, one over 64 KiB a 413 body_too_large. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!request.body) return {};
  const declaredBytes = Number(request.headers.get("content-length") ?? 0);
  const text = new TextDecoder().decode(await readLimited(request.body, declaredBytes));
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request");
  }
}
