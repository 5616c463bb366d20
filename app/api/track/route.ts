import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { lookupCase } from "@/lib/lookup/lookup";
import { lookupSchema } from "@/lib/lookup/schema";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
// The three fields fit in a few hundred bytes; anything much larger is not a lookup.
const MAX_BODY_CHARS = 2048;

function answer(body: unknown, status: number, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** "track.errors.idNumber.checksum" → "checksum": a reason code for API clients, never the input. */
function fieldProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? "body")] ??= issue.message.split(".").pop()!;
  return fields;
}

/**
 * Public lookup for other systems (README, "Public lookup API"): the same rules as /track. The ID
 * number only travels in this JSON body. A wrong ID number and an unknown application number get
 * byte-identical 404s; every answer is `no-store`.
 */
export async function POST(request: Request) {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return answer({ error: "unsupported_media_type" }, 415);
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_CHARS)
    return answer({ error: "invalid_request" }, 400);
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return answer({ error: "invalid_request" }, 400);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return answer({ error: "invalid_json" }, 400);
  }
  const parsed = lookupSchema.safeParse(body);
  if (!parsed.success)
    return answer({ error: "invalid_request", fields: fieldProblems(parsed.error.issues) }, 400);

  try {
    const result = await lookupCase({
      ...parsed.data,
      ip: clientIpFromHeaders(request.headers),
      now: new Date(),
    });
    if (result.ok) return answer(result.view, 200);
    if (result.reason === "throttled") {
      return answer({ error: "too_many_attempts", retryAfterSeconds: result.retryAfterSeconds }, 429, {
        "Retry-After": String(result.retryAfterSeconds),
      });
    }
    return answer({ error: "not_found" }, 404);
  } catch (error) {
    // The error can only carry the number and the hash, never the ID number (it is not sent anywhere).
    console.error("POST /api/track failed", error);
    return answer({ error: "internal_error" }, 500);
  }
}

function methodNotAllowed() {
  return answer({ error: "method_not_allowed" }, 405, { Allow: "POST" });
}

// Spelled out so that a GET with query parameters (where an ID number would end up in logs) is refused.
export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
};
