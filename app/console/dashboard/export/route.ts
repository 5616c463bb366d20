import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { CSV_COLUMNS, type CsvLabels } from "@/lib/dashboard/csv";
import { dashboardTimeZone } from "@/lib/dashboard/data";
import { dashboardCsvStream } from "@/lib/dashboard/export";
import { canViewDashboard, parseDashboardFilters } from "@/lib/dashboard/schema";
import { routeHandler } from "@/lib/observability/route-handler";

export const dynamic = "force-dynamic";

const REFUSED_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/**
 * The dashboard's cases as CSV, for the same filters as the page. Checked here (supervisors and
 * admins) and again by the data function on every page of rows; streamed, never built in memory.
 */
export const GET = routeHandler("dashboard.export", async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first", { status: 401, headers: REFUSED_HEADERS });
  if (!canViewDashboard(user.role))
    return new Response("Forbidden", { status: 403, headers: REFUSED_HEADERS });

  const timeZone = dashboardTimeZone();
  const filters = parseDashboardFilters(Object.fromEntries(new URL(request.url).searchParams), {
    now: new Date(),
    timeZone,
  });
  const [t, tNodes, tTiers, locale] = await Promise.all([
    getTranslations("dashboard.csv"),
    getTranslations("nodes"),
    getTranslations("catalog.tiers"),
    getLocale(),
  ]);
  const labels: CsvLabels = {
    header: CSV_COLUMNS.map((column) => t(column, { zone: timeZone })),
    locale,
    timeZone,
    tier: (tier) => tTiers(tier),
    node: (node) => tNodes(node),
  };
  return new Response(dashboardCsvStream(user, filters, labels), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      // ASCII only (the dates), so no filename* encoding is needed.
      "Content-Disposition": `attachment; filename="expedite-cases-${filters.from}-to-${filters.to}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
