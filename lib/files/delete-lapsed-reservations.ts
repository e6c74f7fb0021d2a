import { getDb } from "../db";

/**
 * Deletes storage reservations that lapsed (their upload crashed or stalled); they no longer count
 * against any quota, so this only keeps the table small. Returns how many went.
 */
export async function deleteLapsedReservations(): Promise<number> {
  return getDb().$executeRaw`DELETE FROM storage_reservations WHERE expires_at <= now() AT TIME ZONE 'UTC'`;
}
