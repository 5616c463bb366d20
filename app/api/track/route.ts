import { apiError, fieldProblems, type ApiErrorCode } from "@/lib/http/api-errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { lookupCase } from "@/lib/lookup/lookup";
import { lookupSchema } from "@/lib/lookup/schema";
import { logger } from "@/lib/observability/logger";
import { routeHandler } from "@/lib/observability/route-handler";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
// The three fields fit in a few hundred bytes; anything much larger is not a lookup.
const MAX_BODY_CHARS = 2048;

function refuse(
  code: ApiErrorCode,
  details?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return apiError(code, { details, headers: { ...NO_STORE, ...headers } });
}

/**
 * Public lookup for other systems (README, "Public lookup API"): the same rules as /track. The ID
 * number only travels in this JSON body. A wrong ID number and an unknown application number get
 * byte-identical 404s; every answer is `no-store`.
 */
export const POST = routeHandler("track.lookup", async function POST(request: Request) {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return refuse("unsupported_media_type");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_CHARS) return refuse("invalid_request");
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return refuse("invalid_request");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse("invalid_json");
  }
  const parsed = lookupSchema.safeParse(body);
  if (!parsed.success) return refuse("invalid_request", { fields: fieldProblems(parsed.error) });

  try {
    const result = await lookupCase({
      ...parsed.data,
      ip: clientIpFromHeaders(request.headers),
      now: new Date(),
    });
    if (result.ok) return Response.json(result.view, { headers: NO_STORE });
    if (result.reason === "throttled") {
      const { retryAfterSeconds } = result;
      return refuse("too_many_attempts", { retryAfterSeconds }, { "Retry-After": String(retryAfterSeconds) });
    }
    return refuse("not_found");
  } catch (error) {
    // The error can only carry the number and the hash, never the ID number (it is not sent anywhere).
    logger().error({ err: error, event: "track" }, "POST /api/track failed");
    return refuse("internal_error");
  }
});

const methodNotAllowed = routeHandler("track.methodNotAllowed", () =>
  refuse("method_not_allowed", undefined, { Allow: "POST" }),
);

// Spelled out so that a GET with query parameters (where an ID number would end up in logs) is refused.
export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
};
