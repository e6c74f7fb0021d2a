let identified: Promise<void> | null = null;

/**
 * Makes sure this browser has its visitor cookie before requests run in parallel: without it, each
 * of several simultaneous first requests (the layout's live updates, a page's own reads, an upload)
 * would be given a different new visitor. Only the cookie matters here, so the answer's language does not.
 */
export function ensureVisitor(): Promise<void> {
  identified ??= fetch("/api/me", { cache: "no-store" }).then(
    (response) => {
      if (!response.ok) identified = null;
    },
    () => {
      identified = null;
    },
  );
  return identified;
}
