import { describe, expect, it } from "vitest";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { NotAuthorizedError } from "@/lib/errors";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { CSV_COLUMNS, type CsvLabels } from "./csv";
import { listExportPage } from "./data";
import { dashboardCsvStream } from "./export";
import { createDashboardCase, createDashboardService, filtersFor, type Step } from "./dashboard.fixtures";

withTestDatabase();

const labels: CsvLabels = {
  header: CSV_COLUMNS,
  locale: "en",
  timeZone: "Asia/Shanghai",
  tier: (tier) => tier,
  node: (node) => node,
};

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  let chunks = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    text += decoder.decode(next.value, { stream: true });
    chunks++;
  }
  return { text: text + decoder.decode(), chunks };
}

async function arrange() {
  const [service, applicant, reviewer, supervisor] = await Promise.all([
    createDashboardService('=HYPERLINK("http://evil.example","Passport, fast")'),
    createTestUser("APPLICANT"),
    createTestUser("REVIEWER"),
    createTestUser("SUPERVISOR"),
  ]);
  const ids = { applicantId: applicant.id, serviceId: service.id };
  const steps: Step[] = [
    { node: "SUBMITTED", action: "SUBMITTED", at: 0, due: 60 },
    { node: "SUBMITTED", action: "FOLLOW_UP", at: 3 },
    { node: "MATERIAL_CHECK", action: "ADVANCED", at: 15, by: reviewer.id },
  ];
  // Five cases, two of them submitted in the same millisecond: pages must neither repeat nor skip them.
  const times = [
    "2026-09-01T01:00:00Z",
    "2026-09-01T02:00:00Z",
    "2026-09-01T02:00:00Z",
    "2026-09-01T03:00:00Z",
    "2026-09-02T04:00:00Z",
  ];
  const cases = [];
  for (const [index, time] of times.entries()) {
    cases.push(
      await createDashboardCase(ids, new Date(time), index === 0 ? steps : steps.slice(0, 1), {
        rating: index === 0 ? 5 : undefined,
      }),
    );
  }
  return {
    service,
    reviewer,
    supervisor,
    cases,
    filters: filtersFor("2026-09-01", "2026-09-02", service.id),
  };
}

describe("dashboard CSV", () => {
  it("streams BOM, header and every case once, oldest first, page by page, with injection defused", async () => {
    const { supervisor, cases, filters } = await arrange();
    const { text, chunks } = await readAll(dashboardCsvStream(supervisor, filters, labels, 2));
    // Header, then pages of 2, 2 and 1.
    expect(chunks).toBe(4);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines.pop()).toBe("");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(6);

    const tied = [cases[1]!, cases[2]!].sort((a, b) => (a.id < b.id ? -1 : 1));
    const expectedOrder = [cases[0]!, ...tied, cases[3]!, cases[4]!].map((row) =>
      formatApplicationNumber(row.number),
    );
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(expectedOrder);

    // The formula-looking service name is quoted text with its apostrophe; times in Shanghai time.
    const service = `"'=HYPERLINK(""http://evil.example"",""Passport, fast"")"`;
    expect(lines[1]).toBe(`${expectedOrder[0]},${service},URGENT,2026-09-01 09:00,,MATERIAL_CHECK,15,5,1`);
    expect(lines[5]).toBe(`${expectedOrder[4]},${service},URGENT,2026-09-02 12:00,,SUBMITTED,,,0`);
  });

  it("ends after the header when nothing matches", async () => {
    const { supervisor, service } = await arrange();
    const { text } = await readAll(
      dashboardCsvStream(supervisor, filtersFor("2026-10-01", "2026-10-01", service.id), labels, 2),
    );
    expect(text).toBe(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("pages by keyset and refuses reviewers", async () => {
    const { supervisor, reviewer, filters } = await arrange();
    const first = await listExportPage(supervisor, filters, null, 3);
    expect(first.rows).toHaveLength(3);
    const second = await listExportPage(supervisor, filters, first.next, 3);
    expect(second.rows).toHaveLength(2);
    expect(second.next).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(5);
    await expect(listExportPage({ id: reviewer.id, role: "REVIEWER" }, filters, null, 3)).rejects.toThrow(
      NotAuthorizedError,
    );
  });
});
