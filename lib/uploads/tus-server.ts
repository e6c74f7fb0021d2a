import { randomUUID } from "node:crypto";
import { FileStore } from "@tus/file-store";
import { Server, type Locker } from "@tus/server";
import { getConfig } from "../config";
import { processSingleton } from "../process-singleton";
import { createAdvisoryLocker } from "./advisory-locker";
import { completeResumableUpload } from "./complete-resumable-upload";
import { findResumableUpload, resumableUploadDir, startResumableUpload } from "./resumable-upload";

export const TUS_PATH = "/api/uploads/tus";

/** What one tus request carries besides itself: whose it is, and what the hooks learned or refused. */
export type TusRequestState = { visitorId: string; uploadId?: string; error?: unknown };

const requestStates = new WeakMap<Request, TusRequestState>();

function stateOf(request: Request): TusRequestState {
  const state = requestStates.get(request);
  if (!state) throw new Error("tus request without a visitor");
  return state;
}

/** Runs `work` holding `key` in `locker`; nobody asks such a holder to let go early. */
async function holding<T>(locker: Locker, key: string, work: () => Promise<T>): Promise<T> {
  const lock = locker.newLock(key);
  await lock.lock(new AbortController().signal, () => undefined);
  try {
    return await work();
  } finally {
    await lock.unlock();
  }
}

function createTusServer(): Server {
  const { databaseUrl, limits } = getConfig();
  const datastore = new FileStore({ directory: resumableUploadDir() });
  // Uploads declare their length up front: it is what the quota reserves.
  datastore.extensions = ["creation", "creation-with-upload", "termination", "expiration"];
  const locker = createAdvisoryLocker({ connectionString: databaseUrl });
  return new Server({
    path: TUS_PATH,
    relativeLocation: true,
    datastore,
    locker,
    maxSize: limits.maxUploadBytes,
    // The finished file takes the upload's id, and every record id is a UUID.
    namingFunction: () => randomUUID(),
    // Same-origin only: no CORS headers for other sites.
    allowedOrigins: () => false,
    async onUploadCreate(request, upload) {
      const state = stateOf(request);
      await startResumableUpload({ uploadId: upload.id, visitorId: state.visitorId, size: upload.size });
      state.uploadId = upload.id;
      return {};
    },
    async onIncomingRequest(request, uploadId) {
      if (request.method === "POST") return;
      const state = stateOf(request);
      await findResumableUpload({ uploadId, visitorId: state.visitorId });
      state.uploadId = uploadId;
    },
    async onUploadFinish(request, upload) {
      const { visitorId } = stateOf(request);
      const filename = upload.metadata?.filename ?? undefined;
      // The tus lock is already released here; a second final PATCH must not complete the upload twice.
      await holding(locker, `complete:${upload.id}`, () => completeResumableUpload({ uploadId: upload.id, visitorId, filename }));
      return {};
    },
    onResponseError(request, error) {
      const state = requestStates.get(request);
      if (state) state.error = error;
      return undefined;
    },
  });
}

const tusServer = processSingleton<Server>("tus-server");

/**
 * Passes a request under /api/uploads/tus to the process's tus server on behalf of `visitorId`. The
 * returned state says which upload it touched and what a hook refused, if anything.
 */
export async function serveTus(request: Request, visitorId: string): Promise<{ response: Response; state: TusRequestState }> {
  const state: TusRequestState = { visitorId };
  requestStates.set(request, state);
  const response = await tusServer.get(createTusServer).handleWeb(request);
  return { response, state };
}
