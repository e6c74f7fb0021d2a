import { emailSettings } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";

/** Forgets the visitor's address, its pending code and the unsubscribe links of mails already sent. */
export async function removeEmail({ visitorId }: { visitorId: string }): Promise<void> {
  if (!emailSettings()) throw new AppError("not_found");
  const db = getDb();
  await db.$transaction([db.emailUnsubscribe.deleteMany({ where: { visitorId } }), db.visitorEmail.deleteMany({ where: { visitorId } })]);
}
