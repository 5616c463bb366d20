import { getCurrentUser } from "@/lib/auth/session";
import { apiError } from "@/lib/http/api-errors";
import { canAccess } from "@/lib/auth/roles";
import { findOwnCaseVersion } from "@/lib/cases/data";
import { routeHandler } from "@/lib/observability/route-handler";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The case's version, polled by its page to notice changes cheaply. Only the applicant gets an
 * answer; anyone else gets 404 whether or not the case exists.
 */
export const GET = routeHandler(
  "cases.version",
  async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
    const user = await getCurrentUser();
    if (!user) return apiError("unauthorized", { headers: NO_STORE });
    const version = canAccess(user.role, "portal")
      ? await findOwnCaseVersion(user, (await params).number)
      : null;
    if (version === null) return apiError("not_found", { headers: NO_STORE });
    return Response.json({ version }, { headers: NO_STORE });
  },
);
