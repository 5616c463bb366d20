import { describe, expect, it } from "vitest";
import { missingRequiredKinds } from "./requirements";

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
