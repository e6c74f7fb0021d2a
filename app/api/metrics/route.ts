import { collectMetrics } from "@/lib/metrics/collect-metrics";

export const dynamic = "force-dynamic";

export async function GET() {
  const { contentType, body } = await collectMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
