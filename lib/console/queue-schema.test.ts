import { describe, expect, it } from "vitest";
import { formatApplicationNumber, generateApplicationNumber } from "@/lib/applications/application-number";
import { containsPattern, hasActiveFilters, parseQueueFilters, queueHref } from "./queue-schema";

const ID = "0b6c1f2e-8d7a-4c1b-9e2f-3a4b5c6d7e8f";

describe("parseQueueFilters", () => {
  it("reads every filter from the URL", () => {
    expect(
      parseQueueFilters({
        node: "DECISION",
        service: ID,
        tier: "EXPRESS",
        assignee: ID,
        overdue: "1",
        q: "Smith",
        page: "3",
      }),
    ).toEqual({
      node: "DECISION",
      service: ID,
      tier: "EXPRESS",
      assignee: { kind: "user", id: ID },
      overdue: true,
      search: { kind: "name", text: "Smith" },
      page: 3,
    });
  });

  it("has no filters and page 1 by default", () => {
    expect(parseQueueFilters({})).toEqual({ overdue: false, page: 1 });
  });

  it("reads 'me' and 'none' as the viewer and unassigned", () => {
    expect(parseQueueFilters({ assignee: "me" }).assignee).toEqual({ kind: "me" });
    expect(parseQueueFilters({ assignee: "none" }).assignee).toEqual({ kind: "none" });
  });

  it("accepts ?mine=1 and ?unassigned=1 as short forms, an explicit assignee winning", () => {
    expect(parseQueueFilters({ mine: "1" }).assignee).toEqual({ kind: "me" });
    expect(parseQueueFilters({ unassigned: "1" }).assignee).toEqual({ kind: "none" });
    expect(parseQueueFilters({ mine: "1", assignee: ID }).assignee).toEqual({ kind: "user", id: ID });
    expect(parseQueueFilters({ mine: "yes" }).assignee).toBeUndefined();
  });

  it("drops each bad value on its own and keeps the good ones", () => {
    const filters = parseQueueFilters({
      node: "NOPE",
      service: "1 OR 1=1",
      tier: "express",
      assignee: "someone",
      overdue: "yes",
      q: "   ",
      page: "-2",
    });
    expect(filters).toEqual({ overdue: false, page: 1 });
    expect(parseQueueFilters({ node: "'; DROP TABLE application; --", tier: "URGENT" })).toEqual({
      tier: "URGENT",
      overdue: false,
      page: 1,
    });
  });

  it.each(["0", "1.5", "abc", "", "1e9", "100001"])("falls back to page 1 for page=%j", (page) => {
    expect(parseQueueFilters({ page }).page).toBe(1);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseQueueFilters({ node: ["MATERIAL_CHECK", "DECISION"], page: ["2", "5"] })).toMatchObject({
      node: "MATERIAL_CHECK",
      page: 2,
    });
  });

  it("reads a typed application number, in any spelling, as an exact number search", () => {
    const number = generateApplicationNumber();
    const typed = ` ${formatApplicationNumber(number).toLowerCase()} `;
    expect(parseQueueFilters({ q: typed }).search).toEqual({ kind: "number", number, raw: typed.trim() });
  });

  it("reads anything else as part of a name, tidied and bounded", () => {
    expect(parseQueueFilters({ q: "  张  小三 " }).search).toEqual({ kind: "name", text: "张 小三" });
    // A number with a wrong check character is not a number: it falls back to a name search.
    expect(parseQueueFilters({ q: "EX012345670" }).search).toEqual({ kind: "name", text: "EX012345670" });
    expect((parseQueueFilters({ q: "x".repeat(500) }).search as { text: string }).text).toHaveLength(100);
  });
});

describe("queueHref", () => {
  const filters = parseQueueFilters({ node: "DECISION", tier: "EXPRESS", q: "Smith", page: "4" });

  it("round-trips through parseQueueFilters", () => {
    const href = queueHref(filters, { page: 4 });
    expect(parseQueueFilters(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(filters);
  });

  it("starts again at page 1 when a filter changes, and clears filters given as undefined", () => {
    expect(queueHref(filters, { node: "MATERIAL_CHECK" })).toBe(
      "/console?q=Smith&node=MATERIAL_CHECK&tier=EXPRESS",
    );
    expect(queueHref(filters, { node: undefined, tier: undefined, search: undefined })).toBe("/console");
    expect(queueHref(parseQueueFilters({ assignee: "me", overdue: "1" }), { page: 2 })).toBe(
      "/console?assignee=me&overdue=1&page=2",
    );
  });
});

describe("hasActiveFilters", () => {
  it("ignores the page", () => {
    expect(hasActiveFilters(parseQueueFilters({ page: "3" }))).toBe(false);
    expect(hasActiveFilters(parseQueueFilters({ overdue: "1" }))).toBe(true);
  });
});

describe("containsPattern", () => {
  it("escapes LIKE wildcards and the escape character", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
