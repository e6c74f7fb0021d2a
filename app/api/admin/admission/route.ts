import { z } from "zod";
import { isAdmissionPaused } from "@/lib/tasks/is-admission-paused";
import { setAdmissionPaused } from "@/lib/tasks/set-admission-paused";
import { refuseNonOperator } from "@/lib/web/operator-access";
import { operatorRoute } from "@/lib/web/operator-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";

export const dynamic = "force-dynamic";

const admissionInput = z.strictObject({ paused: z.boolean() });

export const GET = operatorRoute(async () => Response.json({ paused: await isAdmissionPaused() }));

export const PUT = operatorRoute(async ({ request }) => {
  const { paused } = parseInput(admissionInput, await readJsonBody(request));
  return Response.json(await setAdmissionPaused(paused));
});

export const { POST, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, PUT }, { gate: refuseNonOperator });
