import { checkDatabase } from "@/lib/health/data";

export const dynamic = "force-dynamic";

/** Liveness + database reachability, for load balancers and the test runner. */
export async function GET() {
  const databaseOk = await checkDatabase();
  return Response.json(
    { ok: databaseOk },
    { status: databaseOk ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
