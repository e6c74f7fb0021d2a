import { TaskType } from "../../generated/prisma/enums";
import { mergeTask } from "./merge";
import type { TaskTypeDefinition } from "./task-processor";
import { checkTaskRules, taskRules } from "./task-rules";
import { thumbnailTask } from "./thumbnail";
import { watermarkTask } from "./watermark";

/** The task types the worker runs: each type's rules with its processor (checked against task-rules.ts at start-up). */
const definitions: readonly TaskTypeDefinition[] = [watermarkTask, mergeTask, thumbnailTask];

/** Task type `type`, with its processor. */
export function taskType(type: TaskType): TaskTypeDefinition {
  const definition = definitions.find((candidate) => candidate.type === type);
  if (!definition) throw new Error(`no definition registered for task type ${type}`);
  return definition;
}

/**
 * Fails at start-up, in the worker, when a type's rules fail checkTaskRules, or its definition is
 * missing, has no processor or is built on other rules than the ones creating tasks checks.
 */
export function checkTaskTypes(): void {
  checkTaskRules();
  for (const type of Object.values(TaskType)) {
    const definition = taskType(type);
    if (typeof definition.process !== "function") throw new Error(`task type ${type} misses its processor`);
    const rules = taskRules(type);
    if (definition.inputs !== rules.inputs || definition.params !== rules.params || definition.output !== rules.output) {
      throw new Error(`task type ${type} is not built on its registered rules`);
    }
  }
}
