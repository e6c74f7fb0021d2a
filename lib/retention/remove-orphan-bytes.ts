import { getDb } from "../db";
import { getStorage } from "../storage/get-storage";
import type { StoredObject } from "../storage/storage";

/** Where the product stores bytes that a file row (or a watermark preview) points at. */
const PREFIXES = ["uploads/", "outputs/", "thumbnails/", "previews/"];
const BATCH_SIZE = 500;

/** Of these keys, those that some file row points at (as its bytes or its thumbnail) or a preview shows. */
async function referencedKeys(keys: string[]): Promise<Set<string>> {
  // A thumbnail is stored as thumbnails/<file id>.webp and a preview's frames as previews/<preview id>/…:
  // looking the owner up by id uses the primary key.
  const ownerIds = keys.map((key) => /^(?:thumbnails\/([^/]+)\.webp|previews\/([^/]+)\/[^/]+)$/.exec(key)?.slice(1).find(Boolean) ?? "");
  const rows = await getDb().$queryRaw<{ key: string }[]>`
    SELECT k.key FROM unnest(${keys}::text[], ${ownerIds}::text[]) AS k(key, owner_id)
    WHERE EXISTS (SELECT 1 FROM files f WHERE f.storage_key = k.key)
       OR EXISTS (SELECT 1 FROM files f WHERE f.id = k.owner_id AND f.thumbnail_key = k.key)
       OR EXISTS (SELECT 1 FROM watermark_previews p WHERE p.id = k.owner_id AND k.key IN (p.before_key, p.after_key))`;
  return new Set(rows.map((row) => row.key));
}

/**
 * Deletes stored bytes that no file row points at and unfinished writes, both only when older than
 * `olderThan`, so an upload still streaming or a row about to be committed is never touched. Such
 * bytes are left by a crash between writing a file and recording it, or while writing it. Returns
 * how many objects (and unfinished writes) were removed.
 */
export async function removeOrphanBytes({ olderThan }: { olderThan: Date }): Promise<number> {
  const storage = getStorage();
  let removed = await storage.removeUnfinishedWrites(olderThan);
  let batch: StoredObject[] = [];
  const settle = async () => {
    const referenced = await referencedKeys(batch.map((object) => object.key));
    for (const object of batch) {
      if (referenced.has(object.key)) continue;
      await storage.delete(object.key);
      removed += 1;
    }
    batch = [];
  };
  for (const prefix of PREFIXES) {
    for await (const object of storage.list(prefix)) {
      if (object.modifiedAt > olderThan) continue;
      batch.push(object);
      if (batch.length >= BATCH_SIZE) await settle();
    }
  }
  if (batch.length > 0) await settle();
  return removed;
}
