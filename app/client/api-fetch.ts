import type { z } from "zod";
import { apiErrorSchema } from "@/lib/errors";
import { ensureVisitor } from "./ensure-visitor";

/** An error answer from /api, carrying the server's localized message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * The API could not be reached, or something else answered (a proxy's error page): the page shows its one
 * generic message, since there is no localized text from the API to show.
 */
export class NetworkError extends Error {}

/** A non-2xx answer as the API's localized error, or a NetworkError when it is not the API's error shape. */
export function toApiError(status: number, body: unknown): ApiError | NetworkError {
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) return new NetworkError(`HTTP ${status}`);
  const { code, message, field } = parsed.data.error;
  return new ApiError(status, code, message, field);
}

/** Adds the page's language so the API answers errors in it. */
export function localized(path: string): string {
  const locale = typeof document === "undefined" ? "" : document.documentElement.lang.slice(0, 2);
  if (!locale) return path;
  return `${path}${path.includes("?") ? "&" : "?"}locale=${locale}`;
}

/**
 * Calls the API with JSON in and out, checking the answer against `schema`. It waits for the visitor's
 * cookie first, so a first visit's parallel reads (GET /api/me among them) make one visitor, not several.
 */
export async function apiFetch<T>(path: string, schema: z.ZodType<T>, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  await ensureVisitor();
  const response = await fetch(localized(path), {
    ...rest,
    headers: json === undefined ? rest.headers : { "Content-Type": "application/json", ...rest.headers },
    body: json === undefined ? rest.body : JSON.stringify(json),
    cache: "no-store",
  });
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, body);
  return schema.parse(body);
}
