import { z } from "zod";

/** Every record is keyed by a UUID (v7 when the database makes it); nothing else can name one. */
export const recordId = z.guid();

/** Whether `value` can name a record at all; anything else (NUL bytes, 10 KB strings) is simply unknown. */
export function isRecordId(value: unknown): value is string {
  return recordId.safeParse(value).success;
}
