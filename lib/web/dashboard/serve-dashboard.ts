import { createDashboardHandler, type DashboardHandler } from "@pg-boss/dashboard/handler";
import { getConfig } from "../../config";
import { processSingleton } from "../../process-singleton";
import { BOSS_SCHEMA } from "../../queue/create-boss";
import { refuseNonOperator } from "../operator-access";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "../security-headers";
import { dashboardPolicy } from "./dashboard-policy";

/** Where the pg-boss dashboard is mounted. */
export const DASHBOARD_PATH = "/admin/queues";

const dashboard = processSingleton<DashboardHandler>("queue-dashboard");

/** Whether a request path is the dashboard's (its pages, its assets and its `.data` requests). */
export function isDashboardPath(pathname: string): boolean {
  return pathname === DASHBOARD_PATH || pathname === `${DASHBOARD_PATH}.data` || pathname.startsWith(`${DASHBOARD_PATH}/`);
}

/** The page with the product's security headers; HTML gets a policy that admits exactly its own inline scripts. */
async function withSecurityHeaders(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  for (const { key, value } of STATIC_SECURITY_HEADERS) headers.set(key, value);
  if (!headers.get("content-type")?.startsWith("text/html")) {
    headers.set("Content-Security-Policy", contentSecurityPolicy());
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const html = await response.text();
  headers.set("Content-Security-Policy", dashboardPolicy(html));
  headers.delete("content-length");
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Serves the pg-boss dashboard to an operator (`refuseNonOperator`: HTTP basic auth with ADMIN_PASSWORD). `request` carries the public origin,
 * which is what the dashboard's form actions are checked against.
 */
export async function serveDashboard(request: Request): Promise<Response> {
  const refused = refuseNonOperator(request);
  if (refused) return refused;
  const { databaseUrl } = getConfig();
  const handler = dashboard.get(() =>
    createDashboardHandler({ databases: [{ url: databaseUrl, name: "clipclean", schema: BOSS_SCHEMA }], basePath: DASHBOARD_PATH }),
  );
  return withSecurityHeaders(await handler(request));
}

/** Closes the dashboard's database pools, if it was ever opened. */
export async function closeDashboard(): Promise<void> {
  await dashboard.peek()?.close();
}
