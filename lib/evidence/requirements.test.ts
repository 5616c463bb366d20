import { describe, expect, it } from "vitest";
import { missingRequiredKinds, slotLabelOf } from "./requirements";

const requirements = [
  { kind: "ID_PROOF", required: true },
  { kind: "URGENCY_PROOF", required: true },
  { kind: "OTHER", required: false },
] as const;

describe("missingRequiredKinds", () => {
  it("lists required kinds without a file, in order", () => {
    expect(missingRequiredKinds(requirements, [])).toEqual(["ID_PROOF", "URGENCY_PROOF"]);
    expect(missingRequiredKinds(requirements, [{ kind: "URGENCY_PROOF" }, { kind: "OTHER" }])).toEqual([
      "ID_PROOF",
    ]);
  });

  it("is empty once every required kind has a file, optional ones never count", () => {
    expect(missingRequiredKinds(requirements, [{ kind: "ID_PROOF" }, { kind: "URGENCY_PROOF" }])).toEqual([]);
    expect(missingRequiredKinds([{ kind: "OTHER", required: false }], [])).toEqual([]);
  });

  it("names a kind listed twice only once", () => {
    expect(missingRequiredKinds([...requirements, { kind: "ID_PROOF", required: true }], [])).toEqual([
      "ID_PROOF",
      "URGENCY_PROOF",
    ]);
  });
});

describe("slotLabelOf (the workspace names a file by the slot it was uploaded into)", () => {
  const slots = [
    { kind: "ID_PROOF" as const, labelZh: "身份证件（正反面）", labelEn: "Identity document (both sides)" },
    {
      kind: "URGENCY_PROOF" as const,
      labelZh: "医院病危通知书",
      labelEn: "Hospital critical-condition notice",
    },
  ];
  it("is the requirement's own label in the viewer's language, not the category", () => {
    expect(slotLabelOf("URGENCY_PROOF", slots, "en")).toBe("Hospital critical-condition notice");
    expect(slotLabelOf("URGENCY_PROOF", slots, "zh")).toBe("医院病危通知书");
  });
  it("is null for files in no slot (supplement answers, result documents)", () => {
    expect(slotLabelOf("SUPPLEMENT", slots, "en")).toBeNull();
  });
});
