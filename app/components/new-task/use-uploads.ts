"use client";

import { createContext, useCallback, useContext, useRef, useState } from "react";
import { ApiError } from "../../client/api-fetch";
import type { FileView } from "@/lib/files/file-view";
import { UploadAbortedError, uploadFile, type UploadHandle } from "../../client/upload-file";

export type UploadItem = {
  key: string;
  name: string;
  size: number;
  /** A local copy of the picked file for previews, revoked when the item goes away (the stored bytes for a file chosen from My files). */
  localUrl: string;
  /** Chosen from the visitor's stored files rather than uploaded now. */
  chosen: boolean;
  progress: number;
  /** Measured while bytes flow; null until known. */
  bytesPerSecond: number | null;
  secondsLeft: number | null;
  /** The connection dropped and the upload is retrying by itself. */
  reconnecting: boolean;
  state: "uploading" | "paused" | "done" | "error" | "cancelled";
  file?: FileView;
  /** A localized message from the API, or a message key for errors the page detects itself. */
  error?: { message?: string; key?: "networkError" | "uploadCancelled" };
};

let counter = 0;

/**
 * The files picked on the New task page and their uploads, each with progress, pause, resume, cancel
 * and remove. Held by the layout (uploads-provider.tsx), so an upload keeps going while the visitor
 * opens another page of the app.
 */
export function useUploadState() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const handles = useRef(new Map<string, UploadHandle>());

  const update = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: File[], replace: boolean) => {
      const added = files.map((file) => ({ file, key: `upload-${++counter}` }));
      setItems((current) => {
        if (replace) current.forEach((item) => handles.current.get(item.key)?.cancel());
        const kept = replace ? [] : current;
        const fresh = added.map(({ file, key }) => ({
          key,
          name: file.name,
          size: file.size,
          localUrl: URL.createObjectURL(file),
          progress: 0,
          bytesPerSecond: null,
          secondsLeft: null,
          reconnecting: false,
          chosen: false,
          state: "uploading" as const,
        }));
        return [...kept, ...fresh];
      });
      for (const { file, key } of added) {
        const handle = uploadFile(file, ({ fraction, ...rate }) => update(key, { progress: fraction * 100, ...rate }));
        handles.current.set(key, handle);
        handle.promise
          .then((stored) => update(key, { state: "done", progress: 100, file: stored }))
          .catch((error: unknown) => {
            if (error instanceof UploadAbortedError) return update(key, { state: "cancelled", error: { key: "uploadCancelled" } });
            update(key, { state: "error", error: error instanceof ApiError ? { message: error.message } : { key: "networkError" } });
          })
          .finally(() => handles.current.delete(key));
      }
    },
    [update],
  );

  /** Adds files the visitor already has (uploads or results) as if they had just been uploaded; one chosen already is not added twice. */
  const choose = useCallback((files: FileView[], replace: boolean) => {
    setItems((current) => {
      if (replace) current.forEach((item) => handles.current.get(item.key)?.cancel());
      const kept = replace ? [] : current;
      const fresh = files
        .filter((file) => !kept.some((item) => item.file?.id === file.id))
        .map((file) => ({
          key: `chosen-${++counter}`,
          name: file.name,
          size: file.size,
          localUrl: `/api/files/${file.id}/content`,
          progress: 100,
          bytesPerSecond: null,
          secondsLeft: null,
          reconnecting: false,
          chosen: true,
          state: "done" as const,
          file,
        }));
      return [...kept, ...fresh];
    });
  }, []);

  const cancel = useCallback((key: string) => handles.current.get(key)?.cancel(), []);

  const pause = useCallback(
    (key: string) => {
      handles.current.get(key)?.pause();
      update(key, { state: "paused", bytesPerSecond: null, secondsLeft: null, reconnecting: false });
    },
    [update],
  );

  const resume = useCallback(
    (key: string) => {
      handles.current.get(key)?.resume();
      update(key, { state: "uploading" });
    },
    [update],
  );

  const remove = useCallback((key: string) => {
    handles.current.get(key)?.cancel();
    setItems((current) => {
      const item = current.find((candidate) => candidate.key === key);
      if (item) URL.revokeObjectURL(item.localUrl);
      return current.filter((candidate) => candidate.key !== key);
    });
  }, []);

  const move = useCallback((from: number, to: number) => {
    setItems((current) => {
      if (to < 0 || to >= current.length) return current;
      const next = [...current];
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved!);
      return next;
    });
  }, []);

  /** Forgets every item once the task that took them is made (their bytes are stored by then). */
  const clear = useCallback(() => {
    setItems((current) => {
      current.forEach((item) => URL.revokeObjectURL(item.localUrl));
      return [];
    });
  }, []);

  return { items, add, choose, cancel, pause, resume, remove, move, clear };
}

export type Uploads = ReturnType<typeof useUploadState>;

export const UploadsContext = createContext<Uploads | null>(null);

/** The visitor's uploads, as the layout holds them. */
export function useUploads(): Uploads {
  const uploads = useContext(UploadsContext);
  if (!uploads) throw new Error("useUploads needs the layout's UploadsProvider");
  return uploads;
}
