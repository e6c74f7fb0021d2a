import { emailSettings } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";

/** Turns task mails on or off; only a confirmed address can get them (409 conflict otherwise). */
export async function setEmailNotify({ visitorId, notify }: { visitorId: string; notify: boolean }): Promise<void> {
  if (!emailSettings()) throw new AppError("not_found");
  const { count } = await getDb().visitorEmail.updateMany({ where: { visitorId, confirmed: true }, data: { notify } });
  if (count === 0) throw new AppError("conflict");
}
