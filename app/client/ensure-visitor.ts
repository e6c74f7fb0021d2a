import { localized } from "./api-fetch";

let identified: Promise<void> | null = null;

/**
 * Makes sure this browser has its visitor cookie before requests run in parallel: without it, each
 * of several simultaneous first uploads would be given a different new visitor.
 */
export function ensureVisitor(): Promise<void> {
  identified ??= fetch(localized("/api/me"), { cache: "no-store" }).then(
    (response) => {
      if (!response.ok) identified = null;
    },
    () => {
      identified = null;
    },
  );
  return identified;
}
