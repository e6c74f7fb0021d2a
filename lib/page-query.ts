import { z } from "zod";

// The query string of the API's paged lists (GET /api/tasks, GET /api/files): "?status=&page=" means
// "no filter", so a blank value is the same as a missing one.

/** A query parameter that may be left blank: "" counts as missing. */
export function optionalParam<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
}

/** `page` (from 1) and `pageSize` (1..100, 20 unless asked). */
export const pageParams = {
  page: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(1_000_000).default(1)),
  pageSize: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(100).default(20)),
};
