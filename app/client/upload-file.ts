import { DetailedError, Upload } from "tus-js-client";
import { z } from "zod";
import { apiFetch, NetworkError, toApiError } from "./api-fetch";
import { ensureVisitor } from "./ensure-visitor";
import { transferRate, type TransferRate } from "./transfer-rate";
import { fileViewSchema, type FileView } from "@/lib/files/file-view";

const CHUNK_BYTES = 8 * 1024 * 1024;

/** Waits before each retry after a drop: quick at first, then every 30 s, for about ten minutes. */
const RETRY_DELAYS = [0, 1_000, 2_000, 4_000, 8_000, 15_000, ...Array<number>(18).fill(30_000)];

/** Answers worth another try: no answer at all (offline, dropped), a lock or offset race, a server hiccup. */
const RETRIED_STATUSES = new Set([0, 409, 423, 500, 502, 503, 504]);

export type UploadProgress = TransferRate & { fraction: number; reconnecting: boolean };

export type UploadHandle = { promise: Promise<FileView>; pause: () => void; resume: () => void; cancel: () => void };

export class UploadAbortedError extends Error {}

function uploadError(error: Error): Error {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  if (!response) return new NetworkError(error.message);
  let body: unknown = null;
  try {
    body = JSON.parse(response.getBody());
  } catch {
    body = null;
  }
  return toApiError(response.getStatus(), body);
}

/**
 * Uploads one file resumably (tus) in 8 MiB chunks: it reports progress, speed and time left, can be
 * paused, resumed and cancelled (which deletes the upload on the server), retries by itself after a
 * network drop, and picks up a previous upload of the same file (fingerprints kept in localStorage).
 */
export function uploadFile(file: File, onProgress: (progress: UploadProgress) => void): UploadHandle {
  const rate = transferRate();
  let fraction = 0;
  let settle: { resolve: (file: FileView) => void; reject: (error: Error) => void } | undefined;
  const promise = new Promise<FileView>((resolve, reject) => (settle = { resolve, reject }));
  const upload = new Upload(file, {
    endpoint: new URL("/api/uploads/tus", window.location.href).href,
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS,
    metadata: { filename: file.name, filetype: file.type },
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onProgress(bytesSent, bytesTotal) {
      fraction = bytesTotal ? bytesSent / bytesTotal : 0;
      onProgress({ fraction, reconnecting: false, ...rate.sample(bytesSent, bytesTotal) });
    },
    // Unlike the default, keeps trying while the browser says it is offline: it comes back by itself.
    onShouldRetry(error) {
      const retry = RETRIED_STATUSES.has(error.originalResponse?.getStatus() ?? 0);
      if (retry) {
        rate.reset();
        onProgress({ fraction, reconnecting: true, bytesPerSecond: null, secondsLeft: null });
      }
      return retry;
    },
    onSuccess() {
      const id = upload.url?.split("/").pop() ?? "";
      apiFetch(`/api/files/${id}`, z.object({ file: fileViewSchema })).then(({ file: stored }) => settle?.resolve(stored), settle?.reject);
    },
    onError: (error) => settle?.reject(uploadError(error)),
  });
  // "offline": stopped by the browser going offline (a request in flight may otherwise hang), resumed when it is back.
  let state: "starting" | "running" | "paused" | "offline" | "ended" = "starting";
  const onOffline = () => {
    if (state !== "running") return;
    state = "offline";
    rate.reset();
    void upload.abort();
    onProgress({ fraction, reconnecting: true, bytesPerSecond: null, secondsLeft: null });
  };
  const onOnline = () => {
    if (state !== "offline") return;
    state = "running";
    upload.start();
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  void promise
    .finally(() => {
      state = "ended";
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
    })
    .catch(() => undefined);
  void ensureVisitor()
    .then(() => upload.findPreviousUploads())
    .then((previous) => {
      if (state !== "starting") return;
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      state = navigator.onLine ? "running" : "offline";
      if (state === "running") upload.start();
    }, settle?.reject);
  return {
    promise,
    pause: () => {
      if (state === "ended") return;
      state = "paused";
      rate.reset();
      void upload.abort();
    },
    resume: () => {
      if (state !== "paused") return;
      state = "running";
      upload.start();
    },
    cancel: () => {
      state = "ended";
      void upload.abort(true).catch(() => undefined);
      settle?.reject(new UploadAbortedError());
    },
  };
}
