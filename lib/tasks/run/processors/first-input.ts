import { AppError } from "../../../errors";
import type { File } from "../../../generated/prisma/client";
import type { TaskWithInputs } from "./task-processing";

/** The task's only (or first) input file. */
export function firstInput(task: TaskWithInputs): File {
  const input = task.inputs[0];
  if (!input) throw new AppError("invalid_params", "inputs");
  return input.file;
}
