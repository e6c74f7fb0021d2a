import { randomUUID } from "node:crypto";
import { AppError } from "../errors";
import { assertFreeSpace } from "../storage/get-storage";
import { releaseStorage } from "./release-storage";
import { reserveStorage } from "./reserve-storage";

/** Quota is reserved ahead of the bytes in steps this large, to keep database round trips few. */
const STEP_BYTES = 8 * 1024 * 1024;

export type UploadReservation = {
  id: string;
  /** Accounts for `bytes` about to be written; throws storage_quota_exceeded or storage_full when they may not be. */
  take(bytes: number): Promise<void>;
  release(): Promise<void>;
};

/**
 * Space for one upload request, reserved against the visitor's quota and checked against the disk's
 * floor as the bytes arrive. Near the quota a whole step may not fit while the bytes still do; then
 * only what is needed is reserved, so the quota is usable to the last byte.
 */
export function startUploadReservation(visitorId: string): UploadReservation {
  const id = randomUUID();
  let taken = 0;
  let held = 0;
  const reserve = (bytes: number) => reserveStorage({ visitorId, reservationId: id, bytes });
  return {
    id,
    async take(bytes) {
      taken += bytes;
      if (taken <= held) return;
      const needed = taken - held;
      const step = Math.max(needed, STEP_BYTES);
      await assertFreeSpace(step);
      const reserved = (await reserve(step)) ? step : needed < step && (await reserve(needed)) ? needed : 0;
      if (reserved === 0) throw new AppError("storage_quota_exceeded");
      held += reserved;
    },
    release: () => releaseStorage({ reservationId: id }),
  };
}
