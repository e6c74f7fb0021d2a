import { getDb } from "../db";
import { AppError } from "../errors";
import { sha256 } from "./email-secrets";

/**
 * The one-click unsubscribe of a task mail (RFC 8058): the token in its List-Unsubscribe link turns task
 * mails off for its visitor, without a cookie. Using a link twice is harmless; an unknown one is 404.
 */
export async function unsubscribeEmail({ token }: { token: string }): Promise<void> {
  const db = getDb();
  const link = await db.emailUnsubscribe.findUnique({ where: { tokenHash: sha256(token) }, select: { visitorId: true } });
  if (!link) throw new AppError("not_found");
  await db.visitorEmail.updateMany({ where: { visitorId: link.visitorId }, data: { notify: false } });
}
