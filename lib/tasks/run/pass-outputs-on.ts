import type { Prisma } from "../../db";

/**
 * Pipeline steps completed: each output becomes the input of the step that reads it, in the finishing
 * transaction, so that step becomes ready to start with the same commit (the admission that follows
 * in that transaction may start it at once).
 */
export async function passOutputsOn({ tx, outputs }: { tx: Prisma.TransactionClient; outputs: { taskId: string; fileId: string }[] }): Promise<void> {
  if (outputs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO task_inputs (task_id, position, file_id)
    SELECT t.id, 0, o.file_id
    FROM unnest(${outputs.map((output) => output.taskId)}::text[], ${outputs.map((output) => output.fileId)}::text[]) AS o(task_id, file_id)
    JOIN tasks t ON t.depends_on = o.task_id
    ON CONFLICT (task_id, position) DO NOTHING`;
}
