import { getDb } from "../db";

/** Stops notifying the device at `endpoint`, if it is one of the visitor's; removing one that is gone is no error. */
export async function removePushSubscription({ visitorId, endpoint }: { visitorId: string; endpoint: string }): Promise<void> {
  await getDb().pushSubscription.deleteMany({ where: { visitorId, endpoint } });
}
