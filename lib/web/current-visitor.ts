import { cookies, headers } from "next/headers";
import { findVisitor, type VisitorIdentity } from "../identity/find-visitor";
import { isHttpsHeaders } from "./request-facts";
import { readSessionCookie } from "./session";

/**
 * The visitor whose cookie came with the current request, for server components. Returns null for a
 * first-time, tampered or expired cookie and never creates a visitor (pages cannot set cookies).
 */
export async function readCurrentVisitor(): Promise<VisitorIdentity | null> {
  const store = await cookies();
  const { session } = await readSessionCookie((name) => store.get(name)?.value, isHttpsHeaders(await headers()));
  if (!session) return null;
  return findVisitor({ visitorId: session.visitorId });
}
