// Upload limits, shared by the uploader (checked before sending, to answer at once) and the server
// (checked again on the bytes, because the browser's checks can be skipped).

const MB = 1024 * 1024;

/** Server Action bodies are capped at 12 MB (next.config.ts); one file must fit with room to spare. */
export const MAX_FILE_BYTES = 10 * MB;
/** For all applicant files of one case, or all unattached drafts of one uploader. */
export const MAX_TOTAL_BYTES = 30 * MB;
export const MAX_FILES = 10;

/**
 * Photos: a phone photo (12–48 MP) or a 600-dpi A4 scan (~35 MP) fits; a decompression bomb (a
 * 20 000 × 20 000 PNG of a few hundred KB, 1.6 GB once decoded) does not. Staff browsers decode
 * whatever we store, so the limit protects them as much as the server (lib/evidence/image.ts).
 */
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 50_000_000;

export const ACCEPTED_EXTENSIONS = [".pdf", ".jpg", ".jpeg", ".png", ".webp"] as const;
export const ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp";

/** Placeholders every evidence message may use, so a message can name the limit it enforces. */
export const LIMIT_MESSAGE_VALUES = {
  maxFileMb: MAX_FILE_BYTES / MB,
  maxTotalMb: MAX_TOTAL_BYTES / MB,
  maxFiles: MAX_FILES,
  maxImageSide: MAX_IMAGE_SIDE,
  maxImageMegapixels: MAX_IMAGE_PIXELS / 1_000_000,
} as const;

export type EvidenceProblem =
  | "evidence.empty"
  | "evidence.tooLarge"
  | "evidence.unsupportedType"
  | "evidence.totalTooLarge"
  | "evidence.tooManyFiles";

export type Usage = { count: number; totalBytes: number };

/** Whether one more file of `sizeBytes` fits next to what is already there. */
export function sizeProblem(sizeBytes: number, usage: Usage | null): EvidenceProblem | null {
  if (sizeBytes <= 0) return "evidence.empty";
  if (sizeBytes > MAX_FILE_BYTES) return "evidence.tooLarge";
  if (!usage) return null;
  if (usage.count + 1 > MAX_FILES) return "evidence.tooManyFiles";
  if (usage.totalBytes + sizeBytes > MAX_TOTAL_BYTES) return "evidence.totalTooLarge";
  return null;
}

/** The browser-side check: by name only, which is why the server sniffs the bytes again. */
export function precheckFile(
  file: { name: string; size: number },
  usage: Usage | null,
): EvidenceProblem | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension))) return "evidence.unsupportedType";
  return sizeProblem(file.size, usage);
}
