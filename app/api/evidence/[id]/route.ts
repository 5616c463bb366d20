import { getCurrentUser } from "@/lib/auth/session";
import { authorizeEvidenceDownload } from "@/lib/evidence/data";
import { NOT_FOUND_HEADERS, downloadHeaders } from "@/lib/evidence/download-headers";
import { evidenceStore } from "@/lib/evidence/storage";
import { logger } from "@/lib/observability/logger";
import { routeHandler } from "@/lib/observability/route-handler";

export const dynamic = "force-dynamic";

function notFound() {
  return new Response("Not found", { status: 404, headers: NOT_FOUND_HEADERS });
}

/**
 * Evidence download, authorized again on every request. Malformed ids, unknown ids, other people's
 * files and visitors without a session all get the same 404, so nothing confirms that an id exists.
 */
export const GET = routeHandler(
  "evidence.download",
  async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
    const { id } = await params;
    const file = await authorizeEvidenceDownload(await getCurrentUser(), id);
    if (!file) return notFound();
    const body = await evidenceStore().get(file.storageKey);
    if (!body) {
      logger().error(
        { event: "evidence", evidenceId: file.id },
        "evidence has a database row but no stored file",
      );
      return notFound();
    }
    const inline = new URL(request.url).searchParams.get("inline") === "1";
    return new Response(body, { headers: downloadHeaders(file, { inline }) });
  },
);
