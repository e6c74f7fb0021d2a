/**
 * Tasks this tab has just submitted. My tasks treats them as "watched since pending", so the visitor
 * hears when one finishes or fails even if that happened before the list first loaded.
 */
const submitted = new Set<string>();

export function rememberSubmittedTask(taskId: string): void {
  submitted.add(taskId);
}

/** True once for a task this tab submitted. */
export function takeSubmittedTask(taskId: string): boolean {
  return submitted.delete(taskId);
}
