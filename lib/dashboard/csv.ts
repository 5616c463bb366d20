import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { UrgencyTier, WorkflowNode } from "@/lib/generated/prisma/enums";
import type { ExportRow } from "./data";

/** Makes Excel read the file as UTF-8 (Chinese service names), not the machine's legacy code page. */
export const CSV_BOM = "\uFEFF";

// A cell starting with one of these is taken for a formula by spreadsheets (=HYPERLINK(…),
// +cmd|…, -2+3, @SUM(…); tab and carriage return are stripped first by some of them), so text from
// users or admins — a service name — could run in the reader's spreadsheet (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): text that could start a formula gets a leading apostrophe, which the
 * spreadsheet shows as text; quotes, commas and line breaks are quoted. Numbers are ours and are
 * written as they are; null is an empty cell.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV record with its CRLF line end (RFC 4180; what Excel writes too). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** "YYYY-MM-DD HH:mm" in `timeZone`: a form every spreadsheet reads as a date and time. */
export function formatLocalDateTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

export type CsvLabels = {
  /** The header row, already translated, in the order of exportCells. */
  header: readonly string[];
  locale: string;
  timeZone: string;
  tier: (tier: UrgencyTier) => string;
  node: (node: WorkflowNode) => string;
};

/** The columns of the CSV header, as message keys under dashboard.csv. */
export const CSV_COLUMNS = [
  "number",
  "service",
  "tier",
  "submitted",
  "closed",
  "currentNode",
  "firstResponseMinutes",
  "rating",
  "followUps",
] as const;

/** One case as CSV cells, in CSV_COLUMNS order. */
export function exportCells(row: ExportRow, labels: CsvLabels): (string | number | null)[] {
  return [
    formatApplicationNumber(row.number),
    labels.locale === "zh" ? row.serviceZh : row.serviceEn,
    labels.tier(row.tier),
    formatLocalDateTime(row.submittedAt, labels.timeZone),
    row.closedAt ? formatLocalDateTime(row.closedAt, labels.timeZone) : null,
    labels.node(row.currentNode),
    row.firstResponseMinutes === null ? null : Math.round(row.firstResponseMinutes),
    row.rating,
    row.followUps,
  ];
}
