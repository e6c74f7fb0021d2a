import { z } from "zod";

// Client-safe: the visitor's email as GET /api/me shows it and the panel reads it.

export const emailViewSchema = z.object({ address: z.string(), confirmed: z.boolean(), notify: z.boolean() }).nullable();

export type EmailView = z.infer<typeof emailViewSchema>;

/** "alice@example.com" as "a•••@example.com": enough for the visitor to recognise, not to read off a screen. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}
