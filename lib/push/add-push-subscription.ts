import type { Locale } from "../../i18n/routing";
import { getDb } from "../db";
import { AppError } from "../errors";
import { LOCKING_TRANSACTION, lockVisitor } from "../identity/lock-visitor";
import { assertNotifyUrl } from "../webhooks/assert-notify-url";
import { MAX_PUSH_SUBSCRIPTIONS, type PushSubscriptionInput } from "./push-subscription-input";

export type AddPushSubscription = {
  visitorId: string;
  subscription: PushSubscriptionInput;
  /** The language the notifications are written in. */
  locale: Locale;
  /** The site address the visitor uses: a notification opens the task there. */
  origin: string;
};

/**
 * Stores a browser's push subscription for the visitor's finished tasks. The endpoint must be an https
 * address of a public server (the webhook rules; 400 invalid_params, field endpoint). A browser that
 * subscribes again, here or for another visitor it became, keeps one row with its latest keys; a visitor
 * past MAX_PUSH_SUBSCRIPTIONS devices gets 409 too_many_subscriptions.
 */
export async function addPushSubscription({ visitorId, subscription, locale, origin }: AddPushSubscription): Promise<void> {
  const { endpoint, keys } = subscription;
  if (URL.parse(endpoint)?.protocol !== "https:") throw new AppError("invalid_params", "endpoint");
  await assertNotifyUrl(endpoint, { field: "endpoint" });
  const fields = { visitorId, p256dh: keys.p256dh, auth: keys.auth, locale, origin };
  await getDb().$transaction(async (tx) => {
    await lockVisitor(tx, visitorId);
    const others = await tx.pushSubscription.count({ where: { visitorId, endpoint: { not: endpoint } } });
    if (others >= MAX_PUSH_SUBSCRIPTIONS) throw new AppError("too_many_subscriptions");
    await tx.pushSubscription.upsert({ where: { endpoint }, create: { endpoint, ...fields }, update: fields });
  }, LOCKING_TRANSACTION);
}
