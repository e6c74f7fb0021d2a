import { getDb, type Prisma } from "../db";

/**
 * Whether operators have paused admission (the one row of operator_settings, which every web and
 * worker host reads): while paused no pending task starts, running ones finish and queue positions hold.
 */
export async function isAdmissionPaused(tx: Prisma.TransactionClient = getDb()): Promise<boolean> {
  const settings = await tx.operatorSettings.findUnique({ where: { id: true }, select: { admissionPaused: true } });
  return settings?.admissionPaused ?? false;
}
