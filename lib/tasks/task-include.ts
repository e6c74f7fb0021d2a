import type { Prisma } from "../db";

/** What every task read loads: its ordered inputs and its outputs. */
export const taskInclude = {
  inputs: { orderBy: { position: "asc" }, include: { file: true } },
  outputs: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.TaskInclude;

export type TaskWithFiles = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;
