import { checkDatabase } from "@/lib/health/data";
import { routeHandler } from "@/lib/observability/route-handler";

export const dynamic = "force-dynamic";

/** Liveness + database reachability, for load balancers and the test runner. */
export const GET = routeHandler("health", async function GET() {
  const databaseOk = await checkDatabase();
  return Response.json(
    { ok: databaseOk },
    { status: databaseOk ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
