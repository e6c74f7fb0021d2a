import { getDb } from "../db";
import { AppError } from "../errors";

/**
 * The visitor's unfinished resumable upload `uploadId` and when it expires. Another visitor's, an
 * expired or a finished one answers 404 not_found, as an unknown one does.
 */
export async function findResumableUpload(options: { uploadId: string; visitorId: string }): Promise<{ expiresAt: Date }> {
  const [upload] = await getDb().$queryRaw<{ expiresAt: Date }[]>`
    SELECT expires_at AS "expiresAt" FROM storage_reservations
    WHERE id = ${options.uploadId} AND visitor_id = ${options.visitorId} AND expires_at > now() AT TIME ZONE 'UTC'`;
  if (!upload) throw new AppError("not_found");
  return upload;
}
