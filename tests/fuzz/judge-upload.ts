import type { CorpusItem } from "./corpus-item";
import { englishTemplate, looksChinese, messageMatcher, type Locale } from "./error-messages";
import type { UploadAnswer, UploadedFile } from "./send-upload";

/** The server's limits an accepted file must respect (the defaults of MAX_VIDEO_SECONDS, MAX_VIDEO_PIXELS, MAX_IMAGE_PIXELS). */
export type MediaLimits = { maxVideoSeconds: number; maxVideoPixels: number; maxImagePixels: number };
export const DEFAULT_MEDIA_LIMITS: MediaLimits = { maxVideoSeconds: 14_400, maxVideoPixels: 7680 * 4320, maxImagePixels: 50_000_000 };

export type JudgeOptions = { limits: MediaLimits; quickRefusalMs: number };

/** What went wrong, by kind, so that tests can assert each requirement on its own. */
export type ProblemKind = "hang" | "connection" | "server-error" | "error-shape" | "locale" | "expectation" | "slow-refusal" | "beyond-limits" | "name";
export type Problem = { kind: ProblemKind; detail: string };

const problem = (kind: ProblemKind, detail: string): Problem => ({ kind, detail });

const matches = messageMatcher();

function errorProblems(answer: UploadAnswer, locale: Locale): Problem[] {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
  if (!error || typeof error.code !== "string" || typeof error.message !== "string" || !error.message.trim()) {
    return [problem("error-shape", `malformed error body: ${JSON.stringify(answer.body).slice(0, 120)}`)];
  }
  if (error.field !== undefined && typeof error.field !== "string") return [problem("error-shape", "error field is not a string")];
  const problems: Problem[] = [];
  if (!matches(locale, error.code, error.message)) problems.push(problem("locale", `${error.code} message is not the ${locale} text: ${error.message.slice(0, 80)}`));
  if (locale === "zh" && !looksChinese(error.message, englishTemplate(error.code))) problems.push(problem("locale", `zh message is not Chinese: ${error.message.slice(0, 80)}`));
  return problems;
}

function acceptedProblems(file: UploadedFile | undefined, limits: MediaLimits): Problem[] {
  if (!file) return [problem("error-shape", "201 without a file")];
  const problems: Problem[] = [];
  if (/[/\\\u0000-\u001f\u007f]/.test(file.name) || Array.from(file.name).length > 255) problems.push(problem("name", `stored name not sanitised: ${JSON.stringify(file.name.slice(0, 60))}`));
  const pixels = file.width * file.height;
  if (file.kind === "video" && (file.durationSec ?? 0) > limits.maxVideoSeconds) problems.push(problem("beyond-limits", `accepted a ${file.durationSec} s video`));
  if (file.kind === "video" && pixels > limits.maxVideoPixels) problems.push(problem("beyond-limits", `accepted a ${file.width}×${file.height} video`));
  if (file.kind === "image" && pixels > limits.maxImagePixels) problems.push(problem("beyond-limits", `accepted a ${file.width}×${file.height} image`));
  return problems;
}

const errorCode = (answer: UploadAnswer) => (answer.body as { error?: { code?: string } } | null)?.error?.code;

const describe = (answer: UploadAnswer) =>
  answer.file ? `201 (${answer.file.kind} ${answer.file.mime} ${answer.file.width}×${answer.file.height}${answer.file.durationSec ? ` ${answer.file.durationSec} s` : ""})` : `${answer.status} ${errorCode(answer) ?? ""}`.trim();

/** Everything wrong with the server's answer to one hostile item (empty when it held). */
export function judgeUpload(item: CorpusItem, answer: UploadAnswer, locale: Locale, options: JudgeOptions): Problem[] {
  if (answer.hung) return [problem("hang", `no answer within ${Math.round(answer.ms / 1000)} s`)];
  if (answer.networkError) return [problem("connection", answer.networkError)];
  const problems: Problem[] = [];
  if (answer.status >= 500) problems.push(problem("server-error", `answered ${answer.status}`));
  if (answer.status === 201) problems.push(...acceptedProblems(answer.file, options.limits));
  else problems.push(...errorProblems(answer, locale));
  const got = describe(answer);
  if (item.expect === "refuse" && answer.status !== 415) problems.push(problem("expectation", `expected 415, got ${got}`));
  if (item.expect === "accept" && answer.status !== 201) problems.push(problem("expectation", `expected 201, got ${got}`));
  if (item.expect === "accept-or-malformed" && answer.status !== 201 && !(answer.status === 400 && ["bad_request", "no_file"].includes(errorCode(answer) ?? ""))) {
    problems.push(problem("expectation", `expected 201 or 400, got ${got}`));
  }
  if (item.expect === "any" && ![201, 415, 422].includes(answer.status)) problems.push(problem("expectation", `expected 201, 415 or 422, got ${got}`));
  if (item.expect === "limits") {
    if (![415, 422].includes(answer.status)) problems.push(problem("expectation", `expected 422 or 415, got ${got}`));
    else if (answer.ms > options.quickRefusalMs) problems.push(problem("slow-refusal", `${Math.round(answer.ms)} ms (bound ${options.quickRefusalMs} ms)`));
  }
  return problems;
}
