import type { z } from "zod";
import { AppError } from "../errors";

/** Parses `value` with `schema`; the first problem becomes a 400 invalid_params naming the offending field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const field = result.error.issues[0]?.path.join(".");
  throw new AppError("invalid_params", field || undefined);
}
