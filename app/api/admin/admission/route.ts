import { z } from "zod";
import { isAdmissionPaused } from "@/lib/tasks/is-admission-paused";
import { setAdmissionPaused } from "@/lib/tasks/set-admission-paused";
import { operatorRoute } from "@/lib/web/operator-route";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

const admissionInput = z.strictObject({ paused: z.boolean() });

export const GET = operatorRoute(async () => Response.json({ paused: await isAdmissionPaused() }));

export const PUT = operatorRoute(async ({ request }) => {
  const { paused } = parseInput(admissionInput, await readJsonBody(request));
  return Response.json(await setAdmissionPaused(paused));
});

export const { POST, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, PUT });
