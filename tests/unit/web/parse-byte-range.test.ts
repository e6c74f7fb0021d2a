import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/lib/web/parse-byte-range";

describe("parseByteRange", () => {
  it("reads closed, open-ended and suffix ranges", () => {
    expect(parseByteRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange("bytes=990-5000", 1000)).toEqual({ start: 990, end: 999 });
  });

  it("serves the whole file for no range, several ranges or other units", () => {
    expect(parseByteRange(null, 1000)).toBeUndefined();
    expect(parseByteRange("bytes=0-1,5-6", 1000)).toBeUndefined();
    expect(parseByteRange("items=0-1", 1000)).toBeUndefined();
    expect(parseByteRange("bytes=-", 1000)).toBeUndefined();
  });

  it("refuses ranges outside the file", () => {
    expect(parseByteRange("bytes=1000-", 1000)).toBeNull();
    expect(parseByteRange("bytes=50-10", 1000)).toBeNull();
    expect(parseByteRange("bytes=-0", 1000)).toBeNull();
    expect(parseByteRange("bytes=0-", 0)).toBeNull();
  });
});
