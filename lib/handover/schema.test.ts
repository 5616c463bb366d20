import { describe, expect, it } from "vitest";
import { CHECKLIST_ITEMS, handoverFieldErrors, handoverFormInput, handoverInputSchema } from "./schema";

const CASE_A = "11111111-1111-4111-8111-111111111111";
const CASE_B = "22222222-2222-4222-8222-222222222222";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return handoverFormInput(data);
}

describe("handover form", () => {
  it("pairs each case with its note and keeps the ticked items", () => {
    const input = form([
      ["caseId", CASE_A],
      ["note", "call back"],
      ["caseId", CASE_B],
      ["note", "waiting"],
      ["checklist", "urgentNextStep"],
      ["incidents", "none"],
    ]);
    expect(input).toEqual({
      incidents: "none",
      checklist: ["urgentNextStep"],
      cases: [
        { applicationId: CASE_A, note: "call back" },
        { applicationId: CASE_B, note: "waiting" },
      ],
    });
  });

  it("accepts a complete handover", () => {
    const input = form([
      ["caseId", CASE_A],
      ["note", " call back "],
      ...CHECKLIST_ITEMS.map((item): [string, string] => ["checklist", item]),
    ]);
    expect(handoverInputSchema.parse(input)).toEqual({
      incidents: "",
      checklist: [...CHECKLIST_ITEMS],
      cases: [{ applicationId: CASE_A, note: "call back" }],
    });
  });

  it("refuses an unticked checklist and a missing note, the note's error keyed by its case", () => {
    const input = form([
      ["caseId", CASE_A],
      ["note", "ok"],
      ["caseId", CASE_B],
      ["note", "  "],
      ["checklist", "urgentNextStep"],
    ]);
    const result = handoverInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(handoverFieldErrors(result.error!, input)).toEqual({
      [`note.${CASE_B}`]: ["rota.handover.errors.noteRequired"],
      checklist: ["rota.handover.errors.checklistIncomplete"],
    });
  });

  it("refuses checklist items it does not know", () => {
    const input = form([
      ...CHECKLIST_ITEMS.map((item): [string, string] => ["checklist", item]),
      ["checklist", "somethingElse"],
    ]);
    expect(handoverInputSchema.safeParse(input).success).toBe(false);
  });
});
