import { emailSettings } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";
import { emailCodeHash } from "./email-secrets";

/** Wrong codes a pending code survives; the fifth voids it (the visitor asks for a new one). */
export const MAX_WRONG_CODES = 5;

/**
 * Confirms the visitor's address with the code mailed to it, and turns task mails on (that is what the
 * visitor gave it for). A wrong, expired or voided code is 400 invalid_code; each wrong one counts, and
 * the fifth voids the code. Both are single statements, so concurrent guesses cannot get extra tries.
 */
export async function confirmEmailCode({ visitorId, code }: { visitorId: string; code: string }): Promise<void> {
  if (!emailSettings()) throw new AppError("not_found");
  const db = getDb();
  const confirmed = await db.$executeRaw`
    UPDATE visitor_emails SET confirmed = true, notify = true, code_hash = NULL, code_expires_at = NULL, code_wrong_tries = 0
    WHERE visitor_id = ${visitorId} AND code_hash = ${emailCodeHash(visitorId, code)} AND code_expires_at > now()`;
  if (confirmed === 1) return;
  await db.$executeRaw`
    UPDATE visitor_emails SET code_wrong_tries = code_wrong_tries + 1,
      code_hash = CASE WHEN code_wrong_tries + 1 >= ${MAX_WRONG_CODES} THEN NULL ELSE code_hash END
    WHERE visitor_id = ${visitorId} AND code_hash IS NOT NULL`;
  throw new AppError("invalid_code");
}
