import { answerScrape } from "@/lib/observability/metrics-access";
import { routeHandler } from "@/lib/observability/route-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Prometheus scrape endpoint of this instance (README, "Logs and metrics"): Bearer METRICS_TOKEN,
 * 404 while no token is configured. Scrape every instance directly, not through the load balancer.
 */
export const GET = routeHandler("metrics", async (request) => {
  const answer = await answerScrape(request.headers.get("authorization"));
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
});
