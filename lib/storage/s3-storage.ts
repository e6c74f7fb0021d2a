import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import type { StorageConfig } from "../config";
import { AppError } from "../errors";
import { isDiskFull } from "./free-space";
import { abortUnfinishedUploads, uploadObject } from "./s3-multipart";
import { stagingPath } from "./temp-folders";
import { assertStorageKey, type Storage } from "./storage";

export type S3StorageConfig = Extract<StorageConfig, { driver: "s3" }>;

/** NoSuchKey from GetObject, NotFound (a bare 404) from HeadObject. */
const isNotFound = (error: unknown) => {
  const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return failure.name === "NoSuchKey" || failure.name === "NotFound" || failure.$metadata?.httpStatusCode === 404;
};

/** Counts the bytes that pass, so a streamed put can report its size. */
function counted(body: Readable | AsyncIterable<Uint8Array>): { stream: Readable; size: () => number } {
  let size = 0;
  const stream = Readable.from(
    (async function* () {
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      }
    })(),
    { objectMode: false },
  );
  return { stream, size: () => size };
}

/**
 * Files as objects of one bucket in any S3-compatible store (AWS S3, MinIO, R2, Ceph, s3rver).
 * `pageSize` is how many keys one listing request asks for (S3 answers at most 1000).
 */
export function s3Storage(config: S3StorageConfig, options: { pageSize?: number } = {}): Storage {
  const Bucket = config.bucket;
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // The SDK's default frames streamed bodies as aws-chunked with trailing checksums, which not every
    // S3-compatible store understands (s3rver stores the framing as the content).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

  const upload = (key: string, body: Readable, contentLength?: number) =>
    uploadObject(client, { Bucket, Key: assertStorageKey(key) }, body, contentLength);

  const getObject = (key: string, range?: { start: number; end: number }, signal?: AbortSignal) =>
    client.send(
      new GetObjectCommand({ Bucket, Key: assertStorageKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      { abortSignal: signal },
    );

  return {
    location: `${config.endpoint ?? `AWS S3 (${config.region})`} bucket ${Bucket}`,
    async put(key, body) {
      const { stream, size } = counted(body);
      await upload(key, stream);
      return { size: size() };
    },
    async putFile(key, path) {
      const { size } = await stat(path);
      await upload(key, createReadStream(path), size);
      await rm(path, { force: true });
      return { size };
    },
    async withLocalFile(key, work, { signal } = {}) {
      const path = await stagingPath(key);
      try {
        const object = await getObject(key, undefined, signal).catch((error: unknown) => {
          throw isNotFound(error) ? new AppError("expired", undefined, `stored bytes of ${key} are gone`) : error;
        });
        await pipeline(object.Body as Readable, createWriteStream(path), { signal }).catch((error: unknown) => {
          throw isDiskFull(error) ? new AppError("storage_full") : error;
        });
        return await work(path);
      } finally {
        await rm(path, { force: true });
      }
    },
    read(key, range) {
      const out = new PassThrough();
      const request = new AbortController();
      // A reader that goes away (a client disconnecting) stops the download from the store.
      out.on("close", () => request.abort());
      getObject(key, range, request.signal)
        .then((object) => pipeline(object.Body as Readable, out))
        .catch((error: unknown) => out.destroy(error as Error));
      return out;
    },
    async stat(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: assertStorageKey(key) }));
        return { size: head.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: assertStorageKey(key) }));
    },
    async *list(prefix) {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, MaxKeys: options.pageSize, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          if (object.Key) yield { key: object.Key, modifiedAt: object.LastModified ?? new Date(0) };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    removeUnfinishedWrites: (olderThan) => abortUnfinishedUploads(client, Bucket, olderThan),
    freeBytes: async () => null,
  };
}
