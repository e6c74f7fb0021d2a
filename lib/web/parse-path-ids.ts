import { z } from "zod";
import { AppError } from "../errors";

/** Every record is keyed by a UUID (v7 when the database makes it); nothing else can name one. */
const recordId = z.guid();

/**
 * Checks a route's path parameters, which in this API are all record ids. A malformed one (NUL bytes,
 * 10 KB strings, unicode) answers 404 like an unknown id, before it reaches the database.
 */
export function parsePathIds<Params>(params: Params): Params {
  for (const value of Object.values(params ?? {})) {
    if (!recordId.safeParse(value).success) throw new AppError("not_found");
  }
  return params;
}
