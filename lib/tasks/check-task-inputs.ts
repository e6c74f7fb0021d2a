import type { Prisma } from "../db";
import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import { isRecordId } from "../record-id";
import type { CreateTaskInput } from "./create-task-input";
import { settleTaskParams } from "./task-params";

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
  const settled = settleTaskParams(input, first);
  if ("invalidField" in settled) throw new AppError("invalid_params", settled.invalidField);
  if ("refusal" in settled) throw new AppError(settled.refusal, "params.regions");
  return settled.params;
}
