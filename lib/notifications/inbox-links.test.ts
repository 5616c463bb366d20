import { describe, expect, it } from "vitest";
import { displayPayload, inboxLink } from "./inbox-links";

describe("inboxLink", () => {
  it("sends staff to the console and applicants to their case page, by the reader's role", () => {
    expect(inboxLink("APPLICANT", { number: "EX01234567R" })).toBe("/portal/applications/EX01234567R");
    for (const role of ["REVIEWER", "SUPERVISOR", "ADMIN"] as const)
      expect(inboxLink(role, { number: "EX01234567R" })).toBe("/console/cases/EX01234567R");
  });

  it("stays on this site whatever the payload holds", () => {
    expect(inboxLink("APPLICANT", { number: "//evil.example/x" })).toBe(
      `/portal/applications/${encodeURIComponent("//evil.example/x")}`,
    );
    expect(inboxLink("APPLICANT", { node: "DECISION" })).toBeNull();
    expect(inboxLink("APPLICANT", null)).toBeNull();
  });
});

describe("displayPayload", () => {
  it("shows the number in its readable form and leaves the rest alone", () => {
    expect(displayPayload({ number: "EX01234567R", node: "DECISION" })).toEqual({
      number: "EX-012-345-67R",
      node: "DECISION",
    });
    expect(displayPayload({ number: "odd" })).toEqual({ number: "odd" });
  });
});
