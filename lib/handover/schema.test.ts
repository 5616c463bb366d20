import { describe, expect, it } from "vitest";
import { CHECKLIST_ITEMS, handoverFieldErrors, handoverFormInput, handoverInputSchema } from "./schema";

const CASE_A = "11111111-1111-4111-8111-111111111111";
const CASE_B = "22222222-2222-4222-8222-222222222222";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return handoverFormInput(data);
}

const TICKED = CHECKLIST_ITEMS.map((item): [string, string] => ["checklist", item]);

describe("handover form", () => {
  it("reads the ticked cases with their own notes, the shared note and the scope", () => {
    const input = form([
      ["note", "all triaged"],
      ["caseId", CASE_A],
      ["caseNote.11111111-1111-4111-8111-111111111111", "call back"],
      ["caseNote.22222222-2222-4222-8222-222222222222", "not ticked"],
      ["caseId", CASE_B],
      ["scope", "all"],
      ["checklist", "urgentNextStep"],
      ["incidents", "none"],
    ]);
    expect(input).toEqual({
      note: "all triaged",
      incidents: "none",
      checklist: ["urgentNextStep"],
      scope: "all",
      cases: [
        { applicationId: CASE_A, note: "call back" },
        { applicationId: CASE_B, note: "not ticked" },
      ],
    });
  });

  it("accepts one shared note for many cases, with no note of their own", () => {
    const input = form([["note", " see queue "], ["caseId", CASE_A], ["caseId", CASE_B], ...TICKED]);
    expect(handoverInputSchema.parse(input)).toEqual({
      note: "see queue",
      incidents: "",
      checklist: [...CHECKLIST_ITEMS],
      scope: "selected",
      cases: [
        { applicationId: CASE_A, note: "" },
        { applicationId: CASE_B, note: "" },
      ],
    });
  });

  it("refuses a missing shared note, an unticked checklist and an overlong own note, keyed by its case", () => {
    const input = form([
      ["note", "  "],
      ["caseId", CASE_B],
      [`caseNote.${CASE_B}`, "x".repeat(1001)],
      ["checklist", "urgentNextStep"],
    ]);
    const result = handoverInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(handoverFieldErrors(result.error!, input)).toEqual({
      note: ["rota.handover.errors.noteRequired"],
      [`caseNote.${CASE_B}`]: ["validation.tooLong"],
      checklist: ["rota.handover.errors.checklistIncomplete"],
    });
  });

  it("refuses more cases than one form holds, a case twice, and no case when some are to be selected", () => {
    const many = Array.from({ length: 201 }, (_, index): [string, string] => [
      "caseId",
      `11111111-1111-4111-8111-${String(index).padStart(12, "0")}`,
    ]);
    const messages = (entries: [string, string][]) =>
      handoverInputSchema
        .safeParse(form([["note", "n"], ...TICKED, ...entries]))
        .error?.issues.map((issue) => issue.message);
    expect(messages(many)).toContain("rota.handover.errors.tooManyCases");
    expect(
      messages([
        ["caseId", CASE_A],
        ["caseId", CASE_A],
      ]),
    ).toEqual(["rota.handover.errors.casesChanged"]);
    expect(messages([])).toEqual(["rota.handover.errors.noneSelected"]);
    expect(messages([["scope", "all"]])).toBeUndefined();
  });

  it("refuses checklist items it does not know", () => {
    const input = form([["note", "n"], ["caseId", CASE_A], ...TICKED, ["checklist", "somethingElse"]]);
    expect(handoverInputSchema.safeParse(input).success).toBe(false);
  });
});
