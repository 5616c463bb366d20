import { apiJson, apiRoute } from "@/lib/api/handler";
import { listCases } from "@/lib/api/applications/data";
import { fileApplication, parseIdempotencyKey } from "@/lib/api/applications/mutations";
import { readSubmission } from "@/lib/api/applications/request-body";
import { parseListQuery } from "@/lib/api/applications/list-query";

// Thin: lib/api/applications decides everything (decision 037).

/** File an application (JSON, or multipart with its files); Idempotency-Key required. */
export const POST = apiRoute({
  name: "applications.create",
  scope: "applications:write",
  handle: async ({ request, caller, locale, now, ip }) => {
    const idempotencyKey = parseIdempotencyKey(request.headers.get("idempotency-key"));
    const submission = await readSubmission(request, locale);
    const answer = await fileApplication(caller, { ...submission, idempotencyKey }, { now, locale, ip });
    const self = (answer.body as { links?: { self?: string } }).links?.self;
    return apiJson(answer.body, {
      status: answer.status,
      headers: {
        ...(self ? { Location: self } : {}),
        ...(answer.replayed ? { "Idempotent-Replayed": "true" } : {}),
      },
    });
  },
});

/** The caller's cases, most recently changed first, by cursor. */
export const GET = apiRoute({
  name: "applications.list",
  scope: "applications:read",
  handle: async ({ request, caller, locale }) =>
    apiJson(await listCases(caller, await parseListQuery(new URL(request.url).searchParams, locale))),
});
