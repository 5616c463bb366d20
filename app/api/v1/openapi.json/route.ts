import { apiDocument } from "@/lib/api/openapi/path-groups";
import { routeHandler } from "@/lib/observability/route-handler";

// The partner API's OpenAPI 3.1 document: public (no key), the same for everyone, so caches and
// tools on other origins may keep and read it. Built once per process.
let body: string | undefined;

export const GET = routeHandler("api.openapi", () => {
  body ??= JSON.stringify(apiDocument());
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
});
