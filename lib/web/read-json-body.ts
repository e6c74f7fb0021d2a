import { AppError } from "../errors";

/** The request's JSON body; a missing or malformed body is a 400 bad_request. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request");
  }
}
