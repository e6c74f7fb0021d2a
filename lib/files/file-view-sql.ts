import { Prisma } from "../generated/prisma/client";

const isoFormat = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** SQL formatting a UTC timestamp column the way Date.toISOString() does (null stays null). */
export function isoTimestampSql(column: string): Prisma.Sql {
  return Prisma.raw(`to_char(${column}, ${isoFormat})`);
}

/**
 * SQL building the same JSON as presentFile() for the `files` row aliased `alias`, so that task reads
 * fetch a task with all its files in one query. Keep the two in step.
 */
export function fileViewSql(alias: string): Prisma.Sql {
  const a = alias;
  return Prisma.sql`json_build_object(
    'id', ${Prisma.raw(`${a}.id`)}, 'name', ${Prisma.raw(`${a}.name`)}, 'size', ${Prisma.raw(`${a}.size`)},
    'mime', ${Prisma.raw(`${a}.mime`)}, 'kind', ${Prisma.raw(`${a}.kind`)},
    'width', ${Prisma.raw(`${a}.width`)}, 'height', ${Prisma.raw(`${a}.height`)},
    'durationSec', ${Prisma.raw(`CASE WHEN ${a}.kind = 'video' THEN ${a}.duration_sec END`)},
    'createdAt', ${isoTimestampSql(`${a}.created_at`)}, 'expiresAt', ${isoTimestampSql(`${a}.expires_at`)},
    'thumbnailUrl', ${Prisma.raw(`CASE WHEN ${a}.thumbnail_key IS NOT NULL AND ${a}.expired_at IS NULL THEN '/api/files/' || ${a}.id || '/thumbnail' END`)},
    'watermarks', ${Prisma.raw(`CASE WHEN ${a}.watermarks IS NOT NULL THEN (SELECT coalesce(jsonb_agg(w.region - 'mask' ORDER BY w.position), '[]'::jsonb) FROM jsonb_array_elements(${a}.watermarks) WITH ORDINALITY AS w(region, position)) END`)}
  )`;
}
