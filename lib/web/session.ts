import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { getConfig } from "../config";

export const SESSION_COOKIE = "clipclean_session";
/** Over https the cookie carries the __Host- prefix, so browsers only accept it Secure, for this host, Path=/. */
const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
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

/**
 * The cookie names to read, preferred first. Over https the plain name is still read so that a visitor
 * whose site moved from http to https keeps their tasks; the next cookie we send carries the new name.
 */
function sessionCookieNames(https: boolean): string[] {
  return https ? [SECURE_SESSION_COOKIE, SESSION_COOKIE] : [SESSION_COOKIE];
}

type CookieSession = {
  session: Session | null;
  /** False when the session came under the plain name over https: it should be re-issued under the new one. */
  currentName: boolean;
};

/** The first valid session among the request's cookies, looked up by `cookieValue(name)`. */
export async function readSessionCookie(cookieValue: (name: string) => string | undefined, https: boolean): Promise<CookieSession> {
  const [currentName, ...olderNames] = sessionCookieNames(https);
  const current = await readSession(cookieValue(currentName!));
  if (current) return { session: current, currentName: true };
  for (const name of olderNames) {
    const session = await readSession(cookieValue(name));
    if (session) return { session, currentName: false };
  }
  return { session: null, currentName: true };
}

/** A Set-Cookie header value carrying `session`, valid for another 30 days. */
export async function sessionCookie(session: Session, https: boolean): Promise<string> {
  const seal = await sealData(session, { password: getConfig().sessionSecret, ttl: SESSION_TTL_SECONDS });
  const attributes = [`Path=/`, `Max-Age=${SESSION_TTL_SECONDS}`, "HttpOnly", "SameSite=Lax", ...(https ? ["Secure"] : [])];
  return [`${https ? SECURE_SESSION_COOKIE : SESSION_COOKIE}=${seal}`, ...attributes].join("; ");
}

/** Set-Cookie header values that make the browser drop its session cookie, under every name it may have. */
export function clearedSessionCookies(https: boolean): string[] {
  return sessionCookieNames(https).map((name) =>
    [`${name}=`, "Path=/", "Max-Age=0", "HttpOnly", "SameSite=Lax", ...(https ? ["Secure"] : [])].join("; "),
  );
}
