import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { CSV_BOM, csvLine, exportCells, type CsvLabels } from "./csv";
import { listExportPage } from "./data";
import type { ExportCursor } from "./dashboard-sql";
import type { DashboardFilters } from "./schema";

/** Rows fetched per query: big enough that a year of cases is a few hundred round trips, small enough to stay light. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * The per-case CSV for `filters` as a byte stream: BOM and header first, then one page of cases per
 * pull. Pull-driven, so a slow download makes Postgres wait instead of filling memory, and never
 * more than one page of rows is held. The data function checks the viewer on every page.
 */
export function dashboardCsvStream(
  viewer: Viewer,
  filters: DashboardFilters,
  labels: CsvLabels,
  pageSize = EXPORT_PAGE_SIZE,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: ExportCursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(CSV_BOM + csvLine(labels.header)));
          return;
        }
        const page = await listExportPage(viewer, filters, cursor, pageSize);
        if (page.rows.length > 0)
          controller.enqueue(
            encoder.encode(page.rows.map((row) => csvLine(exportCells(row, labels))).join("")),
          );
        cursor = page.next;
        if (!cursor) controller.close();
      },
    },
    // One chunk (header or page) at a time.
    { highWaterMark: 1 },
  );
}
