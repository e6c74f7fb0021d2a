import { z } from "zod";

/** How many devices one visitor can have notified. */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

/** A browser's PushSubscription as its toJSON() gives it (the keys base64url: a P-256 point and a 16-byte secret). */
export const pushSubscriptionInput = z.object({
  endpoint: z.string().trim().min(1).max(2048),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/),
    auth: z.string().regex(/^[A-Za-z0-9_-]{22,24}={0,2}$/),
  }),
});

export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInput>;
