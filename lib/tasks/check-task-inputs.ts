import type { Prisma } from "../db";
import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import { isRecordId } from "../record-id";
import type { CreateTaskInput } from "./create-task-input";

const DEFAULT_THUMBNAIL_WIDTH = 256;
const DEFAULT_THUMBNAIL_SECOND = 1;

/**
 * Loads a new task's input files (the caller's own, still stored), checks that they suit the task type,
 * and returns the params to store with defaults filled in.
 */
export async function checkTaskInputs(tx: Prisma.TransactionClient, visitorId: string, input: CreateTaskInput): Promise<Prisma.InputJsonObject> {
  const rows = await tx.file.findMany({ where: { id: { in: input.inputs.filter(isRecordId) }, visitorId } });
  const byId = new Map(rows.map((file) => [file.id, file]));
  const files: File[] = input.inputs.map((fileId, index) => {
    const file = byId.get(fileId);
    if (!file) throw new AppError("not_found", `inputs.${index}`);
    if (file.expiredAt) throw new AppError("expired", `inputs.${index}`);
    if (input.type !== "thumbnail" && file.kind !== "video") throw new AppError("invalid_params", `inputs.${index}`);
    return file;
  });
  const [first] = files as [File, ...File[]];
  switch (input.type) {
    case "watermark": {
      const { x, y, width, height } = input.params.region;
      if (x + width > first.width || y + height > first.height) throw new AppError("invalid_params", "params.region");
      return { region: { x, y, width, height } };
    }
    case "merge":
      return {};
    case "thumbnail": {
      const width = input.params?.width ?? DEFAULT_THUMBNAIL_WIDTH;
      if (first.kind === "image") return { width };
      const duration = first.durationSec ?? 0;
      const requested = input.params?.atSecond;
      if (requested !== undefined && requested > duration) throw new AppError("invalid_params", "params.atSecond");
      return { width, atSecond: requested ?? Math.min(DEFAULT_THUMBNAIL_SECOND, duration / 2) };
    }
  }
}
