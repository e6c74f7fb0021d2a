import { TaskType } from "../../generated/prisma/enums";
import { mergeRules } from "./merge-rules";
import type { FirstInput, SettledParams, TaskTypeRules } from "./task-type";
import { thumbnailRules } from "./thumbnail-rules";
import { watermarkRules } from "./watermark-rules";

/**
 * Every task type's rules, registered under its name: what creating tasks and pipelines checks, with no
 * processing code behind it (the worker's task-types.ts adds the processors).
 */
const rules: Record<TaskType, TaskTypeRules> = {
  watermark: watermarkRules,
  merge: mergeRules,
  thumbnail: thumbnailRules,
};

/** The rules of task type `type`. */
export function taskRules(type: TaskType): TaskTypeRules {
  return rules[type];
}

/** Every task type's rules, in the enum's order. */
export function everyTaskRules(): TaskTypeRules[] {
  return Object.values(TaskType).map(taskRules);
}

/** The parts a type's rules must have (the types say so too; a definition assembled at run time could still miss one). */
const ruleParts = ({ inputs, params, output }: TaskTypeRules) => ({
  "inputs.min": inputs?.min, "inputs.max": inputs?.max, "inputs.kinds": inputs?.kinds?.length,
  "params.request": params?.request, "params.settle": params?.settle, "params.laterStep": params?.laterStep,
  "output.extension": output?.extension, "output.mime": output?.mime, "output.kind": output?.kind,
});

/**
 * Fails at start-up when a type of the database enum has no rules, rules registered under another name,
 * or rules missing a part (`registered`: the registry, or another one to check).
 */
export function checkTaskRules(registry: Partial<Record<TaskType, TaskTypeRules>> = rules): void {
  for (const type of Object.values(TaskType)) {
    const registered = registry[type];
    if (!registered || registered.type !== type) throw new Error(`no rules registered for task type ${type}`);
    const missing = Object.entries(ruleParts(registered)).filter(([, value]) => !value).map(([name]) => name);
    if (missing.length > 0) throw new Error(`task type ${type} misses ${missing.join(", ")}`);
  }
}

/** The params to store for a new task of `type`, checked against its first input (see TaskTypeRules.params). */
export function settleTaskParams(request: { type: TaskType; params?: unknown }, first: FirstInput): SettledParams {
  return taskRules(request.type).params.settle(request.params, first);
}
