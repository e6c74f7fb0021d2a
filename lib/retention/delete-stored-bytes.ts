import { getStorage } from "../storage/get-storage";

/** A file row's stored keys, as the sweeps' SQL returns them. */
export type StoredKeys = { storage_key: string; thumbnail_key: string | null };

/** Removes the bytes and thumbnails of files whose rows the sweep has just expired or deleted. */
export async function deleteStoredBytes(files: StoredKeys[]): Promise<void> {
  const storage = getStorage();
  for (const file of files) {
    await storage.delete(file.storage_key);
    if (file.thumbnail_key) await storage.delete(file.thumbnail_key);
  }
}
