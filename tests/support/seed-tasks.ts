import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import type { PgBoss } from "pg-boss";
import { getDb } from "@/lib/db";
import { getBoss } from "@/lib/queue/get-boss";
import { requestDispatch } from "@/lib/tasks/run/dispatch-tasks";
import { getStorage } from "@/lib/storage/get-storage";
import { audioStream, probeFile, videoStream } from "./probe-file";

const DAY_MS = 86_400_000;

/** This test process's pg-boss, the one lib/queue sends through, as the web app's (stop it with stopBoss). */
export async function startTestBoss(): Promise<PgBoss> {
  return getBoss("web");
}

export async function createVisitor(): Promise<string> {
  return (await getDb().visitor.create({ data: {} })).id;
}

/** Stores a local file as the visitor's upload, described from ffprobe (or as-is with `corrupt`). */
export async function storeUpload(visitorId: string, path: string, options: { corrupt?: boolean } = {}): Promise<string> {
  const storageKey = `uploads/${randomUUID()}`;
  const { size } = await getStorage().put(storageKey, createReadStream(path));
  const probe = options.corrupt ? undefined : await probeFile(path);
  const video = probe && videoStream(probe);
  const isImage = /\.(png|jpe?g|webp)$/i.test(path);
  const [num = 0, den = 1] = (video?.r_frame_rate ?? "0/1").split("/").map(Number);
  const file = await getDb().file.create({
    data: {
      visitorId, origin: "upload", name: basename(path), size: BigInt(size),
      mime: isImage ? "image/png" : "video/mp4", kind: isImage ? "image" : "video",
      width: video?.width ?? 320, height: video?.height ?? 240,
      durationSec: isImage ? null : Number(probe?.format.duration ?? 2), frameRate: isImage ? null : num / den,
      videoCodec: video?.codec_name ?? null, audioCodec: probe ? (audioStream(probe)?.codec_name ?? null) : null,
      storageKey, expiresAt: new Date(Date.now() + 3 * DAY_MS),
    },
  });
  return file.id;
}

export type SeedTask = {
  visitorId: string;
  type: "watermark" | "merge" | "thumbnail";
  inputs: string[];
  params?: object;
  priority?: number;
};

/** A pending task and its dispatch wake-up in one transaction, as the tasks API creates them. */
export async function submitTask(task: SeedTask): Promise<string> {
  return getDb().$transaction(async (tx) => {
    const created = await tx.task.create({
      data: {
        visitorId: task.visitorId, type: task.type, params: task.params ?? {}, priority: task.priority ?? 0,
        expiresAt: new Date(Date.now() + 3 * DAY_MS),
        inputs: { create: task.inputs.map((fileId, position) => ({ fileId, position })) },
      },
    });
    await requestDispatch({ tx, reason: "created" });
    return created.id;
  });
}
