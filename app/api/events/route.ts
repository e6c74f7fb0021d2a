import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { serveTaskEvents } from "@/lib/web/serve-task-events";

// GET (and HEAD) is answered by the web server itself, ahead of Next (scripts/web-server.ts); this
// route refuses the other methods in the API's error shape.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET: serveTaskEvents });
