import { createTranslator } from "next-intl";
import type { Locale } from "../../i18n/routing";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { formatBytes } from "../format/format-bytes";

// A task's message and its log lines, as our own sentences: a code of the taskMessages catalogue
// (messages/*.json) and its values, stored with the English text and rendered in each reader's
// language. Technical detail (an error's text, an HTTP status) travels as a value, unchanged.

const catalogues = { en: en.taskMessages, zh: zh.taskMessages };

export type TaskMessageCode = keyof typeof en.taskMessages;

/**
 * The values a sentence fills in. Two have a meaning of their own: `bytes` is a byte count shown in
 * the reader's units, and `reason` is the code of another sentence (with the same values), rendered
 * as `detail`.
 */
export type TaskMessageParams = Record<string, string | number>;

/** One of our sentences about a task. */
export type TaskMessage = { code: TaskMessageCode; params?: TaskMessageParams };

/** A message or log line as stored: the English text, and the sentence's code and values when it has them. */
export type StoredTaskMessage = { message: string; code: string | null; params: unknown };

const isCode = (code: unknown): code is TaskMessageCode => typeof code === "string" && Object.hasOwn(en.taskMessages, code);

const isParams = (params: unknown): params is TaskMessageParams =>
  typeof params === "object" && params !== null && !Array.isArray(params) &&
  Object.values(params).every((value) => typeof value === "string" || typeof value === "number");

const makeTranslator = (locale: Locale) =>
  createTranslator({
    locale,
    messages: { taskMessages: catalogues[locale] },
    namespace: "taskMessages",
    onError: (error) => {
      throw error;
    },
  });

/** One translator per language for the process: it keeps each sentence compiled (a page of logs renders many). */
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();

function translator(locale: Locale): ReturnType<typeof makeTranslator> {
  if (!translators.has(locale)) translators.set(locale, makeTranslator(locale));
  return translators.get(locale)!;
}

/**
 * The sentence `code` with `params` in `locale`; null when the code is not in the catalogue or its
 * values do not fit it (a line written by another version), so the caller shows the stored text.
 */
export function renderTaskMessage(code: string, params: unknown, locale: Locale): string | null {
  if (!isCode(code) || !(params === null || params === undefined || isParams(params))) return null;
  const { reason, ...values }: TaskMessageParams = { ...params };
  if (reason !== undefined) {
    const detail = renderTaskMessage(String(reason), values, locale);
    if (detail === null) return null;
    values.detail = detail;
  }
  if (typeof values.bytes === "number") values.bytes = formatBytes(values.bytes, locale);
  try {
    return translator(locale)(code, values);
  } catch {
    return null;
  }
}

/** A stored message or log line in `locale`: its sentence rendered when it has a code, else its text as stored. */
export function localizeTaskMessage(stored: StoredTaskMessage, locale: Locale): string {
  return stored.code === null ? stored.message : (renderTaskMessage(stored.code, stored.params, locale) ?? stored.message);
}

/** A sentence as it is written down: its English text (for operators and text-only readers), code and values. */
export function writtenTaskMessage(message: TaskMessage): { message: string; code: TaskMessageCode; params: TaskMessageParams | null } {
  const text = renderTaskMessage(message.code, message.params ?? null, "en");
  if (text === null) console.error(`task message ${message.code} does not fit its values ${JSON.stringify(message.params)}`);
  return { message: text ?? message.code, code: message.code, params: message.params ?? null };
}
