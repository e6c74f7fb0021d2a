import { AppError } from "../errors";
import { isRecordId } from "../record-id";

/**
 * Checks a route's path parameters, which in this API are all record ids. A malformed one (NUL bytes,
 * 10 KB strings, unicode) answers 404 like an unknown id, before it reaches the database.
 */
export function parsePathIds<Params>(params: Params): Params {
  for (const value of Object.values(params ?? {})) {
    if (!isRecordId(value)) throw new AppError("not_found");
  }
  return params;
}
