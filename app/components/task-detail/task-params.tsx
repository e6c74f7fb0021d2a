"use client";

import { useTranslations } from "next-intl";
import type { TaskView } from "../../client/types";
import { RegionFrame } from "../region-frame";

/** The task's settings: the watermark area drawn on the frame, or the thumbnail's width and moment. */
export function TaskParams({ task }: { task: TaskView }) {
  const t = useTranslations("taskDetail");
  const input = task.inputs[0];
  const region = task.params?.region;
  if (task.type === "watermark" && region && input) {
    return (
      <div className="flex flex-col gap-2">
        <RegionFrame
          width={input.width}
          height={input.height}
          image={input.thumbnailUrl}
          video={input.thumbnailUrl ? undefined : `/api/files/${input.id}/content`}
          region={region}
          label={t("region", region)}
        />
        <p className="text-sm text-slate-600">{t("region", region)}</p>
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
