import { getDb } from "../db";
import { uploadExpirySeconds } from "./upload-expiry-seconds";

/**
 * Pushes the expiry of the visitor's unfinished upload to UPLOAD_EXPIRY_HOURS from now, after bytes
 * arrived. Returns the new expiry, or null when the upload is no longer unfinished (it completed).
 */
export async function extendResumableUpload(options: { uploadId: string; visitorId: string }): Promise<Date | null> {
  const [upload] = await getDb().$queryRaw<{ expiresAt: Date }[]>`
    UPDATE storage_reservations
    SET expires_at = now() AT TIME ZONE 'UTC' + make_interval(secs => ${uploadExpirySeconds()}::double precision)
    WHERE id = ${options.uploadId} AND visitor_id = ${options.visitorId} AND expires_at > now() AT TIME ZONE 'UTC'
    RETURNING expires_at AS "expiresAt"`;
  return upload?.expiresAt ?? null;
}
