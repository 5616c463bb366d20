import { useFormat } from "@/lib/i18n/use-format";

const KB = 1024;
const MB = 1024 * KB;

/** "820 kB" / "2.4 MB" in the reader's number format. */
export function useFileSize() {
  const format = useFormat();
  return (bytes: number) =>
    bytes < MB
      ? format.number(Math.max(1, Math.round(bytes / KB)), { style: "unit", unit: "kilobyte" })
      : format.number(bytes / MB, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}

const TYPE_LABELS: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
};

export function typeLabel(mimeType: string): string {
  return TYPE_LABELS[mimeType] ?? mimeType;
}
