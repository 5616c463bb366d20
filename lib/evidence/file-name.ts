// Original file names come from the uploader's machine: shown to staff, and sent back in a
// Content-Disposition header. Clean them once when stored and again when served.

const MAX_NAME_LENGTH = 120;

/**
 * A display name safe to store and show: last path segment only, no control or invisible format
 * characters (a right-to-left override can disguise "exe.pdf"), no characters file systems reject,
 * no leading dots, at most 120 characters with the extension kept.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "");
  const chars = [...cleaned];
  if (chars.length === 0) return "file";
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  const keep = extension.length > 0 && extension.length <= 10 ? extension : [];
  return (
    chars
      .slice(0, MAX_NAME_LENGTH - keep.length)
      .join("")
      .trimEnd() + keep.join("")
  );
}

/** RFC 5987 encoding for filename*: encodeURIComponent leaves a few characters the grammar forbids. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Content-Disposition with a plain-ASCII fallback for old clients and the exact UTF-8 name. */
export function contentDisposition(disposition: "attachment" | "inline", rawName: string): string {
  const name = sanitizeFileName(rawName);
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
