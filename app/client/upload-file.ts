import { localized, NetworkError, toApiError } from "./api-fetch";
import { ensureVisitor } from "./ensure-visitor";
import { uploadResponseSchema, type FileView } from "./types";

export type UploadHandle = { promise: Promise<FileView>; abort: () => void };

export class UploadAbortedError extends Error {}

/** Uploads one file with XMLHttpRequest so the page can show upload progress (0..1) and cancel it. */
export function uploadFile(file: File, onProgress: (fraction: number) => void): UploadHandle {
  const request = new XMLHttpRequest();
  let aborted = false;
  const promise = new Promise<FileView>((resolve, reject) => {
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status !== 201) return reject(toApiError(request.status, body));
      const parsed = uploadResponseSchema.safeParse(body);
      if (!parsed.success || !parsed.data.files[0]) return reject(new NetworkError(`unreadable upload answer (HTTP ${request.status})`));
      resolve(parsed.data.files[0]);
    });
    request.addEventListener("abort", () => reject(new UploadAbortedError()));
    request.addEventListener("error", () => reject(new NetworkError("upload failed")));
    void ensureVisitor().then(() => {
      if (aborted) return reject(new UploadAbortedError());
      const form = new FormData();
      form.append("file", file, file.name);
      request.open("POST", localized("/api/uploads"));
      request.send(form);
    });
  });
  return {
    promise,
    abort: () => {
      aborted = true;
      request.abort();
    },
  };
}
