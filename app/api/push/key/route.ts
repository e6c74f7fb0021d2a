import { vapidSettings } from "@/lib/config";
import { apiRoute } from "@/lib/web/api-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

/** The server's VAPID public key, which a browser subscribes with (applicationServerKey). */
export const GET = apiRoute(async () => Response.json({ publicKey: vapidSettings().publicKey }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
