import { contentDisposition } from "./file-name";
import { isEvidenceMimeType } from "./file-type";

/**
 * Headers for serving a stored file. The stored type is the sniffed one; nosniff keeps browsers
 * from guessing another, and the sandbox CSP means a hostile file opened here runs no script and
 * reaches nothing else. Inline only on request and only for the types we accept.
 *
 * One exception: a PDF shown inline (the staff workspace frames it) gets no `sandbox`, because
 * Chromium refuses to run its PDF viewer in a sandboxed document; it may be framed by our own
 * pages only. The viewer runs out of process and the bytes were sniffed as PDF on upload.
 */
export function downloadHeaders(
  file: { originalName: string; mimeType: string; sizeBytes: number },
  options: { inline?: boolean } = {},
): Record<string, string> {
  const knownType = isEvidenceMimeType(file.mimeType);
  const inline = Boolean(options.inline && knownType);
  const framedPdf = inline && file.mimeType === "application/pdf";
  return {
    "Content-Type": knownType ? file.mimeType : "application/octet-stream",
    "Content-Length": String(file.sizeBytes),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.originalName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": framedPdf
      ? "default-src 'none'; frame-ancestors 'self'"
      : "default-src 'none'; frame-ancestors 'none'; sandbox",
    "X-Frame-Options": framedPdf ? "SAMEORIGIN" : "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}

/** For refusals: the same answer for "no such file", "not yours" and "not signed in". */
export const NOT_FOUND_HEADERS: Record<string, string> = {
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};
