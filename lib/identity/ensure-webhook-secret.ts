import { randomBytes } from "node:crypto";
import { getDb } from "../db";

/**
 * The secret that signs the visitor's completion webhooks, made on first use ("whsec_" + base64 of 32
 * random bytes, the Standard Webhooks form) and the same ever after; null when the visitor is gone.
 */
export async function ensureWebhookSecret({ visitorId }: { visitorId: string }): Promise<string | null> {
  const db = getDb();
  const visitor = await db.visitor.findUnique({ where: { id: visitorId }, select: { webhookSecret: true } });
  if (!visitor) return null;
  if (visitor.webhookSecret) return visitor.webhookSecret;
  const candidate = `whsec_${randomBytes(32).toString("base64")}`;
  // Two first uses at once: the row lock orders them and the second keeps the first one's secret.
  const [row] = await db.$queryRaw<{ secret: string }[]>`
    UPDATE visitors SET webhook_secret = COALESCE(webhook_secret, ${candidate}) WHERE id = ${visitorId} RETURNING webhook_secret AS secret`;
  return row?.secret ?? null;
}
