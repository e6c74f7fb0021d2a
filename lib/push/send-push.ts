import { RequestFilteringHttpsAgent } from "request-filtering-agent";
import webPush from "web-push";
import { getConfig, vapidSettings } from "../config";

/** How long a push service keeps a message for a device that is offline: a day, as promised. */
export const PUSH_TTL_SECONDS = 86_400;

/** How long a push service may stay silent before the attempt fails. */
const PUSH_TIMEOUT_MS = 15_000;

// Checks every address the push service's name resolves to when connecting (as for webhooks), so an
// endpoint that was public when it was stored cannot be pointed at an internal address later.
const filteringAgent = new RequestFilteringHttpsAgent();

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

/**
 * Sends one encrypted message (RFC 8291 aes128gcm) to a device's push service, signed with the server's
 * VAPID key (RFC 8292). Resolves with the push service's status, 2xx or not; rejects when it cannot be
 * reached, refuses the connection's address or does not answer in time.
 */
export async function sendPush(target: PushTarget, message: object): Promise<number> {
  const { publicKey, privateKey, subject } = vapidSettings();
  try {
    const { statusCode } = await webPush.sendNotification({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(message), {
      vapidDetails: { subject, publicKey, privateKey },
      TTL: PUSH_TTL_SECONDS,
      contentEncoding: "aes128gcm",
      timeout: PUSH_TIMEOUT_MS,
      agent: getConfig().webhooks.allowPrivateNetworks ? undefined : filteringAgent,
    });
    return statusCode;
  } catch (error) {
    if (error instanceof webPush.WebPushError) return error.statusCode;
    throw error;
  }
}
