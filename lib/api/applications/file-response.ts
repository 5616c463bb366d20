import "server-only";
import type { EvidenceDownload } from "@/lib/evidence/data";
import { downloadHeaders } from "@/lib/evidence/download-headers";
import { evidenceStore } from "@/lib/evidence/storage";
import { logger } from "@/lib/observability/logger";
import { CaseNotFoundError } from "@/lib/workflow/errors";

/**
 * A case file as a download, with the web's own headers (nosniff, sandboxing CSP, attachment). A row
 * without its stored file is logged and answered as not found, as the web download does.
 */
export async function caseFileResponse(file: EvidenceDownload): Promise<Response> {
  const body = await evidenceStore().get(file.storageKey);
  if (!body) {
    logger().error(
      { event: "evidence", evidenceId: file.id },
      "evidence has a database row but no stored file",
    );
    throw new CaseNotFoundError();
  }
  return new Response(body, { headers: downloadHeaders(file) });
}
