/**
 * One hostile upload. `expect` is what the intake must answer:
 * - `refuse`: 415 unsupported_media (playlists, manifests, references to other files, non-media);
 * - `limits`: 422 media_limits or 415, and within the quick-refusal bound (declared sizes beyond the limits);
 * - `accept`: 201 (an intact clip or picture under a hostile name or MIME type);
 * - `accept-or-malformed`: 201, or 400 bad_request/no_file (a part header that multipart parsers may reject, e.g. a NUL or empty file name);
 * - `any`: 201, 415 or 422 — never a 5xx, a hang or a malformed error.
 */
export type Expectation = "refuse" | "limits" | "accept" | "accept-or-malformed" | "any";

export type Family = "playlist" | "polyglot" | "mutation" | "lying-header" | "trivial" | "name";

export type CorpusItem = {
  id: string;
  family: Family;
  name: string;
  mime: string;
  bytes: Buffer;
  expect: Expectation;
  /** Set on the attacks the issue names; the sample always includes them. */
  knownAttack?: string;
};
