const KEY_PATTERN = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9._-]+)*$/;

/** Throws unless `key` is one the product generates: "/"-separated names, no "..", nothing absolute. */
export function assertStorageKey(key: string): string {
  if (!KEY_PATTERN.test(key) || key.includes("..")) throw new Error(`invalid storage key: ${key}`);
  return key;
}
