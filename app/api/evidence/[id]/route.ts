import { getCurrentUser } from "@/lib/auth/session";
import { authorizeEvidenceDownload } from "@/lib/evidence/data";
import { NOT_FOUND_HEADERS, downloadHeaders } from "@/lib/evidence/download-headers";
import { evidenceStore } from "@/lib/evidence/storage";
import { logger } from "@/lib/observability/logger";
import { routeHandler } from "@/lib/observability/route-handler";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

function notFound() {
  return new Response("Not found", { status: 404, headers: NOT_FOUND_HEADERS });
}

async function authorized(request: Request, { params }: Context) {
  const { id } = await params;
  const file = await authorizeEvidenceDownload(await getCurrentUser(), id);
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  return file && { file, headers: downloadHeaders(file, { inline }) };
}

/**
 * Evidence download, authorized again on every request. Malformed ids, unknown ids, other people's
 * files and visitors without a session all get the same 404, so nothing confirms that an id exists.
 * The body streams from the store; Next reads it to the end or cancels it when the client goes.
 */
export const GET = routeHandler("evidence.download", async function GET(request: Request, context: Context) {
  const found = await authorized(request, context);
  if (!found) return notFound();
  const body = await evidenceStore().get(found.file.storageKey);
  if (!body) {
    logger().error(
      { event: "evidence", evidenceId: found.file.id },
      "evidence has a database row but no stored file",
    );
    return notFound();
  }
  return new Response(body, { headers: found.headers });
});

/**
 * Without this, Next answers HEAD by running GET and drops the body unread, which would hold an S3
 * connection (or a file handle) open per request.
 */
export const HEAD = routeHandler("evidence.head", async function HEAD(request: Request, context: Context) {
  const found = await authorized(request, context);
  return found ? new Response(null, { headers: found.headers }) : notFound();
});
