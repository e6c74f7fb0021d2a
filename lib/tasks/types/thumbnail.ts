import { join } from "node:path";
import { AppError } from "../../errors";
import { withStoredFile } from "../../files/with-stored-files";
import { makeThumbnail } from "../../media/make-thumbnail";
import { baseName, firstInput, type ProcessContext, type ProducedFile, type TaskTypeDefinition } from "./task-processor";
import { thumbnailParamsSchema, thumbnailRules } from "./thumbnail-rules";

/** Thumbnail: a WebP at the requested width, from an image or from one frame of a video. */
async function processThumbnail({ task, workDir, signal, progress, log }: ProcessContext): Promise<ProducedFile> {
  const parsed = thumbnailParamsSchema.safeParse(task.params ?? {});
  if (!parsed.success) throw new AppError("invalid_params", "params");
  const { width, atSecond } = parsed.data;
  const file = firstInput(task);
  await log("info", file.kind === "video" ? { code: "thumbnail_of_frame", params: { width, atSecond } } : { code: "thumbnail_of_image", params: { width } });
  progress.update(0, { code: "making_thumbnail" });
  const outputPath = join(workDir, "output.webp");
  const made = await withStoredFile(file, signal, ({ path, info }) =>
    makeThumbnail({ inputPath: path, outputPath, info, width, atSecond, workDir, signal }),
  );
  return {
    path: outputPath, name: `${baseName(file.name)}-thumbnail.webp`,
    width: made.width, height: made.height, durationSec: null, frameRate: null, videoCodec: null, audioCodec: null,
  };
}

/** Thumbnail: its rules (thumbnail-rules.ts) and its processor. */
export const thumbnailTask: TaskTypeDefinition = { ...thumbnailRules, process: processThumbnail };
