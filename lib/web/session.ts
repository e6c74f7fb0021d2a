import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { getConfig } from "../config";

export const SESSION_COOKIE = "clipclean_session";
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

const sessionSchema = z.object({
  visitorId: z.string().min(1).max(64),
  /** When the visitor was last marked as seen (ms since epoch); drives lastSeenAt and the sliding expiry. */
  seenAt: z.number().int().nonnegative(),
});

export type Session = z.infer<typeof sessionSchema>;

// Pages poll the API every second or so with the same cookie; unsealing costs about half a millisecond
// of CPU, so recently verified seals are remembered for a short while.
const VERIFIED_SEAL_MS = 60_000;
const VERIFIED_SEAL_LIMIT = 10_000;
const verifiedSeals = new Map<string, { session: Session; until: number }>();

function remember(seal: string, session: Session): void {
  if (verifiedSeals.size >= VERIFIED_SEAL_LIMIT) verifiedSeals.delete(verifiedSeals.keys().next().value!);
  verifiedSeals.set(seal, { session, until: Date.now() + VERIFIED_SEAL_MS });
}

/** The session sealed in `seal`, or null when it is missing, tampered with, expired or sealed by someone else. */
export async function readSession(seal: string | undefined): Promise<Session | null> {
  if (!seal) return null;
  const known = verifiedSeals.get(seal);
  if (known && known.until > Date.now()) return known.session;
  const data = await unsealData<unknown>(seal, { password: getConfig().sessionSecret, ttl: SESSION_TTL_SECONDS });
  const parsed = sessionSchema.safeParse(data);
  if (!parsed.success) return null;
  remember(seal, parsed.data);
  return parsed.data;
}

/** A Set-Cookie header value carrying `session`, valid for another 30 days. */
export async function sessionCookie(session: Session, secure: boolean): Promise<string> {
  const seal = await sealData(session, { password: getConfig().sessionSecret, ttl: SESSION_TTL_SECONDS });
  const attributes = [`Path=/`, `Max-Age=${SESSION_TTL_SECONDS}`, "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  return [`${SESSION_COOKIE}=${seal}`, ...attributes].join("; ");
}
