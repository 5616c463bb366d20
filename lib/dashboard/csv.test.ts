import { describe, expect, it } from "vitest";
import {
  CSV_BOM,
  CSV_COLUMNS,
  csvCell,
  csvLine,
  exportCells,
  formatLocalDateTime,
  type CsvLabels,
} from "./csv";
import type { ExportRow } from "./data";

describe("csvCell", () => {
  it("writes plain text and numbers as they are, null as an empty cell", () => {
    expect(csvCell("护照加急换发")).toBe("护照加急换发");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });

  it("defuses text a spreadsheet would run as a formula (CSV injection)", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvCell("\t=1+1")).toBe("'\t=1+1");
    expect(csvCell("\r=1+1")).toBe(`"'\r=1+1"`);
    // Only at the start, and our own numbers are numbers, not formulas.
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-5)).toBe("-5");
  });
});

describe("csvLine", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvLine(["a", 1, null, "x,y"])).toBe('a,1,,"x,y"\r\n');
  });
});

describe("formatLocalDateTime", () => {
  it("writes the wall time in the zone, 24-hour", () => {
    expect(formatLocalDateTime(new Date("2026-03-09T16:00:00Z"), "Asia/Shanghai")).toBe("2026-03-10 00:00");
    expect(formatLocalDateTime(new Date("2026-03-10T11:59:00Z"), "Asia/Shanghai")).toBe("2026-03-10 19:59");
    expect(formatLocalDateTime(new Date("2026-03-10T11:59:00Z"), "UTC")).toBe("2026-03-10 11:59");
  });
});

describe("exportCells", () => {
  const labels: CsvLabels = {
    header: CSV_COLUMNS,
    locale: "en",
    timeZone: "Asia/Shanghai",
    tier: (tier) => `tier:${tier}`,
    node: (node) => `node:${node}`,
  };
  const row: ExportRow = {
    id: "00000000-0000-4000-8000-000000000001",
    number: "EX01234567R",
    serviceZh: "护照",
    serviceEn: "=Passport",
    tier: "EXPRESS",
    submittedAt: new Date("2026-03-10T02:00:00Z"),
    closedAt: null,
    currentNode: "DECISION",
    rating: null,
    firstResponseMinutes: 12.6,
    followUps: 2,
  };

  it("gives one cell per column: formatted number, service in the locale, labels, local times, rounded minutes", () => {
    const cells = exportCells(row, labels);
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    expect(cells).toEqual([
      "EX-012-345-67R",
      "=Passport",
      "tier:EXPRESS",
      "2026-03-10 10:00",
      null,
      "node:DECISION",
      13,
      null,
      2,
    ]);
    expect(csvLine(cells)).toBe(
      "EX-012-345-67R,'=Passport,tier:EXPRESS,2026-03-10 10:00,,node:DECISION,13,,2\r\n",
    );
    expect(
      exportCells(
        { ...row, closedAt: new Date("2026-03-11T02:00:00Z"), rating: 4, firstResponseMinutes: null },
        { ...labels, locale: "zh" },
      ),
    ).toEqual([
      "EX-012-345-67R",
      "护照",
      "tier:EXPRESS",
      "2026-03-10 10:00",
      "2026-03-11 10:00",
      "node:DECISION",
      null,
      4,
      2,
    ]);
  });

  it("starts the file with a byte order mark", () => {
    expect(CSV_BOM).toBe("\uFEFF");
  });
});
