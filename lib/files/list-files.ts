import { z } from "zod";
import { getDb } from "../db";
import { FileKind, FileOrigin, Prisma } from "../generated/prisma/client";
import { optionalParam, pageParams } from "../page-query";
import type { FilePage } from "./file-view";
import { fileViewSql } from "./file-view-sql";

export const listFilesQuery = z.object({
  kind: optionalParam(z.enum(Object.values(FileKind) as [FileKind, ...FileKind[]])),
  origin: optionalParam(z.enum(Object.values(FileOrigin) as [FileOrigin, ...FileOrigin[]])),
  ...pageParams,
});

export type ListFilesQuery = z.infer<typeof listFilesQuery>;

/**
 * One page of the visitor's files (uploads and results; expired ones too, until retention removes their
 * rows), newest first, optionally of one kind and one origin, and how many there are.
 */
export async function listFiles({ visitorId, query }: { visitorId: string; query: ListFilesQuery }): Promise<FilePage> {
  const where = Prisma.join(
    [
      Prisma.sql`f.visitor_id = ${visitorId}`,
      // A file the visitor deleted while finished tasks still name it keeps its row, marked expired
      // before its time (delete-file.ts); it is gone for them. Retention marks files only after expiry.
      Prisma.sql`(f.expired_at IS NULL OR f.expired_at >= f.expires_at)`,
      ...(query.kind ? [Prisma.sql`f.kind = ${query.kind}::file_kind`] : []),
      ...(query.origin ? [Prisma.sql`f.origin = ${query.origin}::file_origin`] : []),
    ],
    " AND ",
  );
  const [row] = await getDb().$queryRaw<{ total: number; files: FilePage["files"] }[]>`
    SELECT (SELECT count(*)::int FROM files f WHERE ${where}) AS total,
           COALESCE((SELECT json_agg(page.file ORDER BY page.created_at DESC, page.id DESC)
                     FROM (SELECT f.id, f.created_at, ${fileViewSql("f")} AS file
                           FROM files f WHERE ${where}
                           ORDER BY f.created_at DESC, f.id DESC
                           LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) page), '[]') AS files`;
  return { files: row?.files ?? [], page: query.page, pageSize: query.pageSize, total: row?.total ?? 0 };
}
