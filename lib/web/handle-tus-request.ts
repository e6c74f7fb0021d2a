import type { Locale } from "../../i18n/routing";
import { AppError, type ErrorCode } from "../errors";
import { releaseStorage } from "../files/visitor-storage";
import { extendResumableUpload, findResumableUpload } from "../uploads/resumable-upload";
import { errorResponse } from "./error-response";
import { serveTus, type TusRequestState } from "../uploads/tus-server";

/** tus's own refusals that the API has a code for, by status; the others keep tus's plain answer. */
const codeOfTusStatus: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
  404: "not_found",
  409: "conflict",
  410: "not_found",
  413: "file_too_large",
};

/** The API's error for a refusal the tus server reported, or null to keep tus's response. */
function apiError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const status = (error as { status_code?: unknown }).status_code;
  if (typeof status !== "number") return error; // a bug: logged and answered as a 500
  const code = codeOfTusStatus[status];
  return code ? new AppError(code) : null;
}

async function expiryOf(request: Request, state: TusRequestState): Promise<Date | null> {
  const upload = { uploadId: state.uploadId!, visitorId: state.visitorId };
  if (request.method === "HEAD") return (await findResumableUpload(upload)).expiresAt;
  return extendResumableUpload(upload);
}

/**
 * Answers one tus request of the visitor: the protocol is @tus/server's; refusals come back in the
 * API's error shape and language (with tus's headers kept), unfinished uploads carry Upload-Expires
 * (UPLOAD_EXPIRY_HOURS after the last byte arrived), and a terminated upload frees its quota.
 */
export async function handleTusRequest(options: { request: Request; visitorId: string; locale: Locale }): Promise<Response> {
  const { request, locale } = options;
  const { response, state } = await serveTus(request, options.visitorId);
  response.headers.set("Cache-Control", "no-store");
  const error = state.error === undefined ? null : apiError(state.error);
  if (error !== null) {
    const refusal = errorResponse(error, locale);
    for (const name of ["Tus-Resumable", "Connection"]) {
      const value = response.headers.get(name);
      if (value) refusal.headers.set(name, value);
    }
    return refusal;
  }
  if (!response.ok || !state.uploadId) return response;
  if (request.method === "DELETE") {
    await releaseStorage({ reservationId: state.uploadId });
    return response;
  }
  const expiresAt = await expiryOf(request, state);
  if (expiresAt) response.headers.set("Upload-Expires", expiresAt.toUTCString());
  return response;
}
