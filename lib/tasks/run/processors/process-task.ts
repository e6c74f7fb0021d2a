import { processMerge } from "./process-merge";
import { processThumbnail } from "./process-thumbnail";
import { processWatermark } from "./process-watermark";
import type { ProcessContext, ProducedFile } from "./task-processing";

const processors = { watermark: processWatermark, merge: processMerge, thumbnail: processThumbnail } as const;

/** Runs the processor for the task's type and returns its output, still in the work folder. */
export async function processTask(context: ProcessContext): Promise<ProducedFile> {
  return processors[context.task.type](context);
}
