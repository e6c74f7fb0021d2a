import type { CorpusItem, Expectation } from "../corpus-item";
import type { Random } from "../seeded-random";

const magicOnly = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff, 0xe0], [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50], [0x1a, 0x45, 0xdf, 0xa3], [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d],
  [0x46, 0x4c, 0x56, 0x01, 0x05], [0x4f, 0x67, 0x67, 0x53], [0x47], [0x52, 0x49, 0x46, 0x46, 0xff, 0xff, 0xff, 0xff, 0x41, 0x56, 0x49, 0x20],
];

/** Text that is not media; the ones declaring an enormous picture may also be refused as beyond the limits. */
const texts: [string, Expectation][] = [
  ["This is just some text pretending to be a video.\n", "refuse"],
  ["<!doctype html><html><body><script>alert(1)</script></body></html>", "refuse"],
  ['{"video": true, "frames": []}', "refuse"],
  ['<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="100%" height="100%"/></svg>', "limits"],
  ['<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&c;&c;&c;&c;</text></svg>', "refuse"],
  ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="48"><image xlink:href="file:///etc/passwd" width="64" height="48"/></svg>', "refuse"],
  ["P6\n60000 60000\n255\n", "limits"],
  ["#!/bin/sh\nrm -rf /\n", "refuse"],
];

const disguises = [["clip.mp4", "video/mp4"], ["photo.png", "image/png"], ["empty", "application/octet-stream"], ["a.svg", "image/svg+xml"]] as const;

/** Empty, one-byte, random, magic-number-only and text files: none is media, all must be refused. */
export function trivialItems(random: Random, count: number): CorpusItem[] {
  const makers: ((index: number) => [string, Buffer, Expectation?])[] = [
    () => ["empty", Buffer.alloc(0)],
    () => ["one-byte", random.bytes(1)],
    () => ["random-short", random.bytes(random.between(2, 64))],
    () => ["random-long", random.bytes(random.between(1024, 32 * 1024))],
    (index) => ["magic-only", Buffer.from(magicOnly[index % magicOnly.length]!)],
    (index) => ["magic-then-zeros", Buffer.concat([Buffer.from(magicOnly[index % magicOnly.length]!), Buffer.alloc(random.between(1, 4096))])],
    (index) => {
      const [text, expect] = texts[index % texts.length]!;
      return ["text", Buffer.from(text), expect];
    },
  ];
  return Array.from({ length: count }, (_, index) => {
    const [kind, bytes, expect = "refuse"] = makers[index % makers.length]!(Math.floor(index / makers.length));
    const [name, mime] = random.pick(disguises);
    return { id: `trivial-${kind}-${index}`, family: "trivial", name, mime, expect, bytes };
  });
}
