import type { CorpusItem } from "./corpus-item";
import type { Locale } from "./error-messages";
import { judgeUpload, type JudgeOptions, type Problem } from "./judge-upload";
import { newVisitor, sendUpload, type UploadedFile, type Visitor } from "./send-upload";

export type UploadRecord = {
  item: CorpusItem;
  locale: Locale;
  status: number;
  ms: number;
  hung: boolean;
  code?: string;
  file?: UploadedFile;
  visitor: Visitor;
  problems: Problem[];
};

export type UploadRunOptions = JudgeOptions & {
  baseUrl: string;
  /** A request without a complete answer after this long counts as a hang (and is aborted). */
  hangMs: number;
  concurrency: number;
  /** Uploads per visitor, to stay within the per-visitor upload rate and active-task limits. */
  itemsPerVisitor: number;
  onRecord?: (record: UploadRecord, done: number) => void;
};

/** Runs `tasks` with at most `concurrency` in flight, keeping results in input order. */
export async function inPool<T, R>(inputs: T[], concurrency: number, task: (input: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(inputs.length);
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await task(inputs[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, lane));
  return results;
}

/** Sends every item through POST /api/uploads, alternating English and Chinese, and judges each answer. */
export async function runUploads(items: CorpusItem[], options: UploadRunOptions): Promise<UploadRecord[]> {
  const visitors: Visitor[] = [];
  for (let index = 0; index < Math.ceil(items.length / options.itemsPerVisitor); index += 1) visitors.push(await newVisitor(options.baseUrl));
  let done = 0;
  return inPool(items, options.concurrency, async (item, index) => {
    const locale: Locale = index % 2 === 0 ? "en" : "zh";
    const visitor = visitors[Math.floor(index / options.itemsPerVisitor)]!;
    const answer = await sendUpload({ baseUrl: options.baseUrl, visitor, item, locale, timeoutMs: options.hangMs });
    const code = (answer.body as { error?: { code?: string } } | null)?.error?.code;
    const record: UploadRecord = {
      item, locale, status: answer.status, ms: answer.ms, hung: answer.hung, code, file: answer.file, visitor,
      problems: judgeUpload(item, answer, locale, options),
    };
    options.onRecord?.(record, ++done);
    return record;
  });
}
