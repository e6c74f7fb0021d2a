import { createHash, randomInt } from "node:crypto";

/** Hex SHA-256: what the database keeps of codes, tokens and addresses instead of the values themselves. */
export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

/** A fresh 6-digit confirmation code, leading zeros kept. */
export const newEmailCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, "0");

/** The stored form of a code: salted with the visitor, so one table row cannot be matched against another's. */
export const emailCodeHash = (visitorId: string, code: string): string => sha256(`${visitorId}:${code}`);
