import { apiDocument } from "@/lib/api/openapi/path-groups";

// The partner API's OpenAPI 3.1 document: public (no key), the same for everyone, so caches and
// tools on other origins may keep and read it. Built once per process.
let body: string | undefined;

export function GET(): Response {
  body ??= JSON.stringify(apiDocument());
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
