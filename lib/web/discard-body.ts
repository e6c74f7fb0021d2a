/** How much of a refused body is still read and thrown away, and for how long. */
const DISCARD_LIMIT_BYTES = 1024 * 1024;
const DISCARD_LIMIT_MS = 10_000;

/**
 * Reads the rest of a refused request body in the background without keeping it, then lets go. Left
 * unread, the body would stall the keep-alive connection the client sent it on (its next request
 * fails); past the bounds the stream is cancelled, which closes that connection instead.
 */
export function discardBody(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  const timer = setTimeout(() => void reader.cancel().catch(() => {}), DISCARD_LIMIT_MS);
  const discard = async () => {
    let discarded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      discarded += value.byteLength;
      if (discarded > DISCARD_LIMIT_BYTES) return reader.cancel();
    }
  };
  void discard()
    .catch(() => {})
    .finally(() => clearTimeout(timer));
}
