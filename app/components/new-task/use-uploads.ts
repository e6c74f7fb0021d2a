"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../client/api-fetch";
import type { FileView } from "../../client/types";
import { UploadAbortedError, uploadFile } from "../../client/upload-file";

export type UploadItem = {
  key: string;
  name: string;
  size: number;
  /** A local copy of the picked file for previews, revoked when the item goes away. */
  localUrl: string;
  progress: number;
  state: "uploading" | "done" | "error" | "cancelled";
  file?: FileView;
  /** A localized message from the API, or a message key for errors the page detects itself. */
  error?: { message?: string; key?: "networkError" | "uploadCancelled" };
};

let counter = 0;

/** The files picked on the New task page and their uploads, each with progress, cancel and remove. */
export function useUploads() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const aborts = useRef(new Map<string, () => void>());

  const update = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: File[], replace: boolean) => {
      const added = files.map((file) => ({ file, key: `upload-${++counter}` }));
      setItems((current) => {
        if (replace) current.forEach((item) => aborts.current.get(item.key)?.());
        const kept = replace ? [] : current;
        return [...kept, ...added.map(({ file, key }) => ({ key, name: file.name, size: file.size, localUrl: URL.createObjectURL(file), progress: 0, state: "uploading" as const }))];
      });
      for (const { file, key } of added) {
        const handle = uploadFile(file, (fraction) => update(key, { progress: fraction * 100 }));
        aborts.current.set(key, handle.abort);
        handle.promise
          .then((stored) => update(key, { state: "done", progress: 100, file: stored }))
          .catch((error: unknown) => {
            if (error instanceof UploadAbortedError) return update(key, { state: "cancelled", error: { key: "uploadCancelled" } });
            update(key, { state: "error", error: error instanceof ApiError ? { message: error.message } : { key: "networkError" } });
          })
          .finally(() => aborts.current.delete(key));
      }
    },
    [update],
  );

  const cancel = useCallback((key: string) => aborts.current.get(key)?.(), []);

  const remove = useCallback((key: string) => {
    aborts.current.get(key)?.();
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

  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((abort) => abort());
  }, []);

  return { items, add, cancel, remove, move };
}
