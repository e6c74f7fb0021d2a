import { createHash, randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 8;

/** A new random code, shown as XXXX-XXXX (31^8 ≈ 8.5 × 10^11 codes). */
export function newTransferCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/**
 * The code as stored, from what a visitor typed: case, spaces and dashes do not matter. Null when it
 * cannot be a code at all.
 */
export function normalizeTransferCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== LENGTH || [...compact].some((char) => !ALPHABET.includes(char))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** What the database keeps instead of the code itself. */
export function transferCodeHash(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
