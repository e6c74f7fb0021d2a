"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useRouter } from "@/i18n/navigation";
import { ApiError, apiFetch } from "../../client/api-fetch";
import { rememberSubmittedTask } from "../../client/submitted-tasks";
import { defaultThumbnailSecond, thumbnailWidth } from "@/lib/tasks/types/thumbnail-rules";
import type { FileView, WatermarkView } from "@/lib/files/file-view";
import { pipelineAnswerSchema, taskAnswerSchema, type TaskType } from "@/lib/tasks/task-view";
import { AdvancedOptions } from "./advanced-options";
import { ChooseFromFiles } from "./choose-from-files";
import { checkTaskForm, isUnfinished, type FormProblem } from "./check-task-form";
import { DropZone } from "./drop-zone";
import { MoveButtons, useDragReorder } from "./merge-order";
import { noFollowUps, pipelineBody, PipelineOptions } from "./pipeline-options";
import { ThumbnailSettings } from "./thumbnail-settings";
import { TypePicker } from "./type-picker";
import { UploadRow } from "./upload-row";
import { useUploads } from "./use-uploads";
import { initialWatermarkChoice, WatermarkSettings, type WatermarkChoice } from "./watermark-settings";

/** The New task page: job type, uploads (or files chosen from My files), the job's settings, and submit. `startWith`: a file to begin with. */
export function NewTaskForm({ limitsText, startWith }: { limitsText: string; startWith: FileView | null }) {
  const t = useTranslations("newTask");
  const router = useRouter();
  const uploads = useUploads();
  const dragProps = useDragReorder(uploads.move);
  // Of the task types only thumbnails read pictures.
  const [type, setType] = useState<TaskType>(startWith?.kind === "image" ? "thumbnail" : "watermark");
  const [watermark, setWatermark] = useState<{ fileId: string; choice: WatermarkChoice } | null>(null);
  const [detected, setDetected] = useState<{ fileId: string; found: WatermarkView[] } | null>(null);
  const [thumbnail, setThumbnail] = useState<{ width: number; atSecond: number }>({ width: thumbnailWidth.default, atSecond: defaultThumbnailSecond });
  const [followUps, setFollowUps] = useState(noFollowUps);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [notifyUrl, setNotifyUrl] = useState("");
  const [notifyUrlError, setNotifyUrlError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const started = useRef<string | null>(null);
  const { choose } = uploads;
  useEffect(() => {
    if (!startWith || started.current === startWith.id) return;
    started.current = startWith.id;
    choose([startWith], true);
  }, [startWith, choose]);

  // "Wait for the uploads" stops being true by itself once they finish.
  const shownProblem = problem === "waitUploads" && !uploads.items.some(isUnfinished) ? null : problem;
  const multiple = type === "merge";
  const first = uploads.items[0];
  const firstFile = first?.state === "done" ? first.file : undefined;
  const choice = watermark && watermark.fileId === firstFile?.id ? watermark.choice : initialWatermarkChoice;
  const found = detected && detected.fileId === firstFile?.id ? detected.found : (firstFile?.watermarks ?? null);
  const fileId = firstFile?.id;
  const onDetected = useCallback((list: WatermarkView[]) => fileId && setDetected({ fileId, found: list }), [fileId]);

  const chooseType = (next: TaskType) => {
    setType(next);
    setProblem(null);
    setServerError(null);
    if (next !== "merge") uploads.items.slice(1).forEach((item) => uploads.remove(item.key));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    setNotifyUrlError(null);
    const checked = checkTaskForm({ type, items: uploads.items, watermark: { ...choice, detected: found }, ...thumbnail });
    setProblem(checked.problem);
    if (checked.problem) return;
    setSubmitting(true);
    try {
      const notify = notifyUrl.trim() === "" ? {} : { notifyUrl: notifyUrl.trim() };
      const pipeline = pipelineBody(type, checked.body, followUps);
      const tasks = pipeline
        ? (await apiFetch("/api/pipelines", pipelineAnswerSchema, { method: "POST", json: { ...(pipeline as object), ...notify } })).pipeline.tasks
        : [(await apiFetch("/api/tasks", taskAnswerSchema, { method: "POST", json: { ...(checked.body as object), ...notify } })).task];
      tasks.forEach((task) => rememberSubmittedTask(task.id));
      uploads.clear();
      toast.success(t("created"), { description: pipeline ? t("createdPipeline") : t("createdBody") });
      router.push("/tasks");
    } catch (error) {
      if (error instanceof ApiError && error.field === "notifyUrl") setNotifyUrlError(error.message);
      else setServerError(error instanceof ApiError ? error.message : t("networkError"));
      setSubmitting(false);
    }
  };

  const chosenIds = new Set(uploads.items.flatMap((item) => (item.file ? [item.file.id] : [])));
  const fileProblem = (kind: string | undefined) => (type !== "thumbnail" && kind === "image" ? t("notAVideo") : undefined);

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-8">
      <TypePicker value={type} onChange={chooseType} />

      <section aria-labelledby="files-title" className="flex flex-col gap-3">
        <h2 id="files-title" className="text-lg font-semibold">{t("filesTitle")}</h2>
        {multiple && uploads.items.length > 1 && <p className="text-sm text-slate-600">{t("orderHint")}</p>}
        {uploads.items.length > 0 && (
          <ol className="flex flex-col gap-2">
            {uploads.items.map((item, index) => (
              <UploadRow
                key={item.key}
                item={item}
                problem={fileProblem(item.file?.kind)}
                onCancel={() => uploads.cancel(item.key)}
                onPause={() => uploads.pause(item.key)}
                onResume={() => uploads.resume(item.key)}
                onRemove={() => uploads.remove(item.key)}
                dragProps={multiple ? dragProps(index) : undefined}
              >
                {multiple && uploads.items.length > 1 && <MoveButtons index={index} count={uploads.items.length} name={item.name} onMove={uploads.move} />}
              </UploadRow>
            ))}
          </ol>
        )}
        {(multiple || uploads.items.length === 0) && (
          <>
            <DropZone multiple={multiple} acceptImages={type === "thumbnail"} limitsText={limitsText} onFiles={(files) => uploads.add(files, !multiple)} />
            <ChooseFromFiles type={type} chosenIds={chosenIds} onChoose={(file) => uploads.choose([file], !multiple)} />
          </>
        )}
      </section>

      {type === "watermark" && firstFile?.kind === "video" && first && (
        <WatermarkSettings file={firstFile} localUrl={first.localUrl} choice={choice} onDetected={onDetected} onChange={(next) => setWatermark({ fileId: firstFile.id, choice: next })} />
      )}
      {type === "thumbnail" && (
        <ThumbnailSettings
          {...thumbnail}
          maxSecond={firstFile?.kind === "image" ? null : (firstFile?.durationSec ?? 3600)}
          onChange={(change) => setThumbnail((current) => ({ ...current, ...change }))}
        />
      )}

      <PipelineOptions type={type} value={followUps} onChange={setFollowUps} />
      <AdvancedOptions notifyUrl={notifyUrl} onNotifyUrl={setNotifyUrl} problem={notifyUrlError} />

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:items-center">
        <button type="submit" disabled={submitting} className="rounded-lg bg-brand-600 px-6 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
          {submitting ? t("submitting") : t("submit")}
        </button>
        <div aria-live="polite" className="text-sm font-medium text-red-700">
          {shownProblem === "mergeCount" ? t("mergeCount", { count: uploads.items.length }) : shownProblem ? t(shownProblem) : serverError}
        </div>
      </div>
    </form>
  );
}
