import type { Readable } from "node:stream";
import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, type S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

/** Multipart parts this large, two in flight: an upload holds about 16 MiB of memory whatever its size. */
const PART_BYTES = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/** A store that lacks an operation (s3rver has no ListMultipartUploads or AbortMultipartUpload). */
const isUnsupported = (error: unknown) => {
  const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return failure.name === "NotImplemented" || failure.$metadata?.httpStatusCode === 501 || failure.$metadata?.httpStatusCode === 405;
};

let warnedUnlisted = false;

/** Streams `Body` to `Key` as a multipart upload (a single PUT when small); a failed one is aborted where the store allows it. */
export async function uploadObject(client: S3Client, target: { Bucket: string; Key: string }, Body: Readable, ContentLength?: number): Promise<void> {
  const transfer = new Upload({
    client,
    params: { ...target, Body, ContentLength },
    partSize: PART_BYTES,
    queueSize: PARTS_IN_FLIGHT,
    // We abort ourselves, so that a store without AbortMultipartUpload does not hide the real failure.
    leavePartsOnError: true,
  });
  try {
    await transfer.done();
  } catch (error) {
    const UploadId = transfer.uploadId;
    if (UploadId) {
      await client.send(new AbortMultipartUploadCommand({ ...target, UploadId })).catch((abortError: unknown) => {
        const reason = abortError instanceof Error ? abortError.message : String(abortError);
        console.warn(`could not abort the unfinished upload of ${target.Key} (${reason}); the bucket's lifecycle rule must remove its parts`);
      });
    }
    throw error;
  }
}

/**
 * Aborts the bucket's multipart uploads begun before `olderThan` (left by a crash mid-upload);
 * returns how many. A store that cannot list them is warned about once and left to its own rules.
 */
export async function abortUnfinishedUploads(client: S3Client, Bucket: string, olderThan: Date): Promise<number> {
  let aborted = 0;
  let KeyMarker: string | undefined;
  let UploadIdMarker: string | undefined;
  let truncated: boolean | undefined;
  try {
    do {
      const page = await client.send(new ListMultipartUploadsCommand({ Bucket, KeyMarker, UploadIdMarker }));
      for (const { Key, UploadId, Initiated } of page.Uploads ?? []) {
        if (!Key || !UploadId || !Initiated || Initiated > olderThan) continue;
        await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
        aborted += 1;
      }
      ({ NextKeyMarker: KeyMarker, NextUploadIdMarker: UploadIdMarker, IsTruncated: truncated } = page);
    } while (truncated);
  } catch (error) {
    if (!isUnsupported(error)) throw error;
    if (!warnedUnlisted) console.warn("this store cannot list unfinished multipart uploads; the bucket's lifecycle rule must remove them");
    warnedUnlisted = true;
  }
  return aborted;
}
