import { z } from "zod";

/** Every error a user can cause, with the HTTP status it maps to. Messages live in messages/*.json under errors.<code>. */
export const errorStatus = {
  bad_request: 400,
  invalid_params: 400,
  no_file: 400,
  /** A wrong, expired or voided email confirmation code. */
  invalid_code: 400,
  /** Operator pages (the queue dashboard) without the right credentials; answered with WWW-Authenticate. */
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** A visitor already has MAX_PUSH_SUBSCRIPTIONS devices notified. */
  too_many_subscriptions: 409,
  expired: 410,
  file_too_large: 413,
  storage_quota_exceeded: 413,
  too_many_files: 413,
  body_too_large: 413,
  unsupported_media: 415,
  range_not_satisfiable: 416,
  /** A file whose headers declare more than we process (field: duration, dimensions or pixels). */
  media_limits: 422,
  /** Task failures, recorded on the task (the statuses apply if one is ever returned over HTTP). */
  invalid_input: 422,
  /** A watermark task asked for the detected regions of a video in which none were found. */
  no_watermark_found: 422,
  /** A pipeline step cancelled because an earlier step failed or was cancelled (recorded on the task). */
  dependency_failed: 424,
  processing_failed: 500,
  timeout: 504,
  worker_lost: 500,
  too_many_tasks: 429,
  rate_limited: 429,
  storage_full: 507,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** What a refusal tells the client besides its code: when to try again (sent as Retry-After). */
export type AppErrorDetails = { retryAfterSeconds?: number };

export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
    message?: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message ?? code);
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** The body of every 4xx/5xx answer of /api (error-response.ts builds it; the pages read it). */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
