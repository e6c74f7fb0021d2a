"use client";

import { useTranslations } from "next-intl";
import type { TaskView } from "@/lib/tasks/task-view";
import { isConfidentWatermark } from "@/lib/files/file-view";
import { RegionFrame, regionBoxStyle } from "../region-frame";

/** The task's settings: the watermark areas drawn on the frame and the method, or the thumbnail's width and moment. */
export function TaskParams({ task }: { task: TaskView }) {
  const t = useTranslations("taskDetail");
  const tMethod = useTranslations("newTask");
  const input = task.inputs[0];
  const asked = task.params?.regions ?? (task.params?.region ? [task.params.region] : undefined);
  if (task.type === "watermark" && asked && input) {
    const regions = asked === "auto" ? (input.watermarks ?? []).filter(isConfidentWatermark) : asked;
    const [first, ...rest] = regions;
    return (
      <div className="flex flex-col gap-2">
        <RegionFrame
          width={input.width}
          height={input.height}
          image={input.thumbnailUrl}
          video={input.thumbnailUrl ? undefined : `/api/files/${input.id}/content`}
          region={first ?? null}
          label={first ? t("region", first) : t("autoRegions")}
        >
          {rest.map((region, index) => (
            <div key={index} className="pointer-events-none absolute border-2 border-amber-400" style={regionBoxStyle(region, input.width, input.height)} />
          ))}
        </RegionFrame>
        {asked === "auto" && <p className="text-sm text-slate-600">{t("autoRegions")}</p>}
        {regions.map((region, index) => (
          <p key={index} className="text-sm text-slate-600">{t("region", region)}</p>
        ))}
        <p className="text-sm text-slate-600">{t("method", { method: tMethod(`method_${task.params?.method ?? "best"}`) })}</p>
      </div>
    );
  }
  if (task.type === "thumbnail") {
    return (
      <ul className="text-sm text-slate-700">
        {task.params?.width != null && <li>{t("width", { width: task.params.width })}</li>}
        {task.params?.atSecond != null && input?.kind === "video" && <li>{t("atSecond", { second: task.params.atSecond })}</li>}
      </ul>
    );
  }
  return (
    <div className="flex flex-col gap-2 text-sm text-slate-700">
      <p>{t("order")}</p>
      <ol className="list-decimal pl-6">
        {task.inputs.map((file) => (
          <li key={file.id} className="break-all">
            {file.name}
          </li>
        ))}
      </ol>
    </div>
  );
}
