import { getDb } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { watermarkConfidence, type FileView } from "./file-view";

const isoFormat = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** SQL formatting a UTC timestamp column the way Date.toISOString() does (null stays null). */
export function isoTimestampSql(column: string): Prisma.Sql {
  return Prisma.raw(`to_char(${column}, ${isoFormat})`);
}

/**
 * SQL building a FileView (file-view.ts) for the `files` row aliased `alias`: the one place a File's
 * JSON is made, so that a task is read with all its files in one query. The detections' masks stay inside,
 * and so do detections too unsure to show (API.md: below 0.5 they are not returned).
 */
export function fileViewSql(alias: string): Prisma.Sql {
  const a = alias;
  return Prisma.sql`json_build_object(
    'id', ${Prisma.raw(`${a}.id`)}, 'name', ${Prisma.raw(`${a}.name`)}, 'size', ${Prisma.raw(`${a}.size`)},
    'mime', ${Prisma.raw(`${a}.mime`)}, 'kind', ${Prisma.raw(`${a}.kind`)},
    'origin', ${Prisma.raw(`${a}.origin`)}, 'taskId', ${Prisma.raw(`${a}.task_id`)},
    'width', ${Prisma.raw(`${a}.width`)}, 'height', ${Prisma.raw(`${a}.height`)},
    'durationSec', ${Prisma.raw(`CASE WHEN ${a}.kind = 'video' THEN ${a}.duration_sec END`)},
    'createdAt', ${isoTimestampSql(`${a}.created_at`)}, 'expiresAt', ${isoTimestampSql(`${a}.expires_at`)},
    'thumbnailUrl', ${Prisma.raw(`CASE WHEN ${a}.thumbnail_key IS NOT NULL AND ${a}.expired_at IS NULL THEN '/api/files/' || ${a}.id || '/thumbnail' END`)},
    'watermarks', ${Prisma.raw(`CASE WHEN ${a}.watermarks IS NOT NULL THEN (SELECT coalesce(jsonb_agg(w.region - 'mask' ORDER BY w.position), '[]'::jsonb) FROM jsonb_array_elements(${a}.watermarks) WITH ORDINALITY AS w(region, position) WHERE (w.region->>'confidence')::float8 >= ${watermarkConfidence.shown}) END`)}
  )`;
}

/** The visitor's files with these ids as the API shows them, in the order asked for; unknown ids and other visitors' files are left out. */
export async function getFileViews({ visitorId, fileIds }: { visitorId: string; fileIds: string[] }): Promise<FileView[]> {
  const rows = await getDb().$queryRaw<{ id: string; file: FileView }[]>`
    SELECT f.id, ${fileViewSql("f")} AS file FROM files f WHERE f.id = ANY(${fileIds}::text[]) AND f.visitor_id = ${visitorId}`;
  const byId = new Map(rows.map((row) => [row.id, row.file]));
  return fileIds.flatMap((fileId) => byId.get(fileId) ?? []);
}

/** The visitor's file with this id as the API shows it; unknown ids and other visitors' files are both not_found. */
export async function getFileView({ visitorId, fileId }: { visitorId: string; fileId: string }): Promise<FileView> {
  const [file] = await getFileViews({ visitorId, fileIds: [fileId] });
  if (!file) throw new AppError("not_found");
  return file;
}
