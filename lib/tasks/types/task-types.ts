import { getConfig } from "../../config";
import { TaskType } from "../../generated/prisma/enums";
import { mergeTask } from "./merge";
import type { SettledParams, FirstInput, TaskTypeDefinition } from "./task-type";
import { thumbnailTask } from "./thumbnail";
import { watermarkTask } from "./watermark";

/** Every task type, registered under its name: adding a type is its file and one line here (and the enum value). */
const definitions: Record<TaskType, TaskTypeDefinition> = {
  watermark: watermarkTask,
  merge: mergeTask,
  thumbnail: thumbnailTask,
};

/** What task type `type` is. */
export function taskType(type: TaskType): TaskTypeDefinition {
  return definitions[type];
}

/** Every task type's definition, in the enum's order. */
export function everyTaskType(): TaskTypeDefinition[] {
  return Object.values(TaskType).map(taskType);
}

/**
 * Fails at start-up when a type of the database enum has no definition, is registered under another
 * name, or misses a part (the types say so too; a definition assembled at run time could still).
 */
export function checkTaskTypes(): void {
  for (const type of Object.values(TaskType)) {
    const definition = definitions[type] as TaskTypeDefinition | undefined;
    if (!definition || definition.type !== type) throw new Error(`no definition registered for task type ${type}`);
    const { inputs, params, output } = definition;
    const parts = {
      "inputs.min": inputs?.min, "inputs.max": inputs?.max, "inputs.kinds": inputs?.kinds?.length,
      "params.request": params?.request, "params.settle": params?.settle, "params.laterStep": params?.laterStep,
      "output.extension": output?.extension, "output.mime": output?.mime, "output.kind": output?.kind, process: definition.process,
    };
    const missing = Object.entries(parts).filter(([, value]) => !value).map(([name]) => name);
    if (missing.length > 0) throw new Error(`task type ${type} misses ${missing.join(", ")}`);
  }
}

/** The params to store for a new task of `type`, checked against its first input (see TaskTypeDefinition.params). */
export function settleTaskParams(request: { type: TaskType; params?: unknown }, first: FirstInput): SettledParams {
  return taskType(request.type).params.settle(request.params, first);
}

/** How long a task of this type may run, in minutes: its own limit when configured, else the general one. */
export function taskTimeLimitMinutes(type: TaskType): number {
  const { taskTimeoutMinutes, taskTimeoutMinutesByType } = getConfig().limits;
  return taskTimeoutMinutesByType[type] ?? taskTimeoutMinutes;
}
