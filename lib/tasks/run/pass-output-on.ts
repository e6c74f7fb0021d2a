import type { Prisma } from "../../db";

/**
 * A pipeline step completed: its output becomes the input of the step that reads it, in the finishing
 * transaction, so that step becomes ready to start with the same commit (the admission that follows
 * in that transaction may start it at once).
 */
export async function passOutputOn({ tx, taskId, fileId }: { tx: Prisma.TransactionClient; taskId: string; fileId: string }): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO task_inputs (task_id, position, file_id)
    SELECT id, 0, ${fileId} FROM tasks WHERE depends_on = ${taskId}
    ON CONFLICT (task_id, position) DO NOTHING`;
}
