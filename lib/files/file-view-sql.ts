import { Prisma } from "../generated/prisma/client";

const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * SQL building the same JSON as presentFile() for the `files` row aliased `alias`, so that task reads
 * fetch a task with all its files in one query. Keep the two in step.
 */
export function fileViewSql(alias: string): Prisma.Sql {
  const a = alias;
  return Prisma.raw(`json_build_object(
    'id', ${a}.id, 'name', ${a}.name, 'size', ${a}.size, 'mime', ${a}.mime, 'kind', ${a}.kind,
    'width', ${a}.width, 'height', ${a}.height,
    'durationSec', CASE WHEN ${a}.kind = 'video' THEN ${a}.duration_sec END,
    'createdAt', ${iso(`${a}.created_at`)}, 'expiresAt', ${iso(`${a}.expires_at`)},
    'thumbnailUrl', CASE WHEN ${a}.thumbnail_key IS NOT NULL AND ${a}.expired_at IS NULL THEN '/api/files/' || ${a}.id || '/thumbnail' END
  )`);
}
