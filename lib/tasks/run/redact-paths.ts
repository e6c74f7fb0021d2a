const ABSOLUTE_PATH = /(?:\/[^\s/'":,()]+)+\/([^\s/'":,()]+)/g;

/** Technical text with every absolute path cut to its last part, so logs never reveal the server's folders. */
export function redactPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, "$1");
}
