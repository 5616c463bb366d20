import { describe, expect, it } from "vitest";
import { fenToYuan, updateServiceSchema, updateTierSchema, yuanToFen } from "./admin-schema";

const SERVICE_ID = "00000000-0000-4000-8000-000000000001";

describe("yuanToFen / fenToYuan", () => {
  it.each([
    ["120", 12000],
    ["0.29", 29],
    ["1,234.5", 123450],
    ["¥ 88.08", 8808],
    ["0", 0],
  ])("reads %s yuan as %i fen", (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(["", "-1", "1.234", "1e3", "abc", "12.", ".5"])("refuses %j", (yuan) => {
    expect(yuanToFen(yuan)).toBeNull();
  });

  it("writes fen back as a plain amount that parses to the same value", () => {
    for (const fen of [0, 5, 29, 12000, 123456789]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
    expect(fenToYuan(123450)).toBe("1234.50");
  });
});

describe("updateServiceSchema", () => {
  const valid = {
    serviceId: SERVICE_ID,
    nameZh: "护照",
    nameEn: "Passport",
    descriptionZh: "",
    descriptionEn: "",
    baseFeeMinor: "120.00",
    sortOrder: "2",
  };

  it("stores the fee in fen and reads absent checkboxes as false", () => {
    expect(updateServiceSchema.parse({ ...valid, active: "on" })).toEqual({
      ...valid,
      baseFeeMinor: 12000,
      sortOrder: 2,
      active: true,
      requiresExpertReview: false,
    });
  });

  it("refuses empty names, a fee past the maximum and a fractional sort order", () => {
    const result = updateServiceSchema.safeParse({
      ...valid,
      nameEn: "  ",
      baseFeeMinor: "1000000.01",
      sortOrder: "1.5",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["nameEn", "validation.required"],
      ["baseFeeMinor", "admin.catalog.errors.amountTooLarge"],
      ["sortOrder", "admin.catalog.errors.sortOrderInvalid"],
    ]);
  });
  it("reads the load threshold as a whole number of cases, blank as none, and refuses the rest", () => {
    expect(updateServiceSchema.parse({ ...valid, loadThreshold: "40" }).loadThreshold).toBe(40);
    expect(updateServiceSchema.parse({ ...valid, loadThreshold: " " }).loadThreshold).toBeNull();
    for (const loadThreshold of ["0", "2.5", "10001", "many"]) {
      expect(
        updateServiceSchema
          .safeParse({ ...valid, loadThreshold })
          .error?.issues.map((issue) => issue.message),
      ).toEqual(["admin.catalog.errors.loadThresholdInvalid"]);
    }
  });
});

describe("updateTierSchema", () => {
  const valid = {
    serviceId: SERVICE_ID,
    tier: "EXPRESS",
    surchargeMinor: "300",
    processingHours: "48",
    available: "on",
    targets: { MATERIAL_CHECK: "120", DECISION: "" },
  };

  it("reads blank targets as none and the rest as whole minutes", () => {
    const parsed = updateTierSchema.parse(valid);
    expect(parsed).toMatchObject({ surchargeMinor: 30000, processingHours: 48, available: true });
    expect(parsed.targets).toEqual({
      SUBMITTED: null,
      MATERIAL_CHECK: 120,
      SUBSTANTIVE_REVIEW: null,
      EXPERT_REVIEW: null,
      DECISION: null,
      RESULT_NOTIFIED: null,
    });
  });

  it("refuses zero or fractional minutes, and a node target longer than the whole case", () => {
    const result = updateTierSchema.safeParse({
      ...valid,
      targets: { SUBMITTED: "0", MATERIAL_CHECK: "2.5", DECISION: String(48 * 60 + 1) },
    });
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["targets.SUBMITTED", "admin.catalog.errors.targetInvalid"],
      ["targets.MATERIAL_CHECK", "admin.catalog.errors.targetInvalid"],
    ]);
    const tooLong = updateTierSchema.safeParse({ ...valid, targets: { DECISION: String(48 * 60 + 1) } });
    expect(tooLong.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["targets.DECISION", "admin.catalog.errors.targetTooLong"],
    ]);
  });

  it("refuses an unknown tier and zero processing hours", () => {
    const result = updateTierSchema.safeParse({ ...valid, tier: "LUDICROUS", processingHours: "0" });
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["tier", "processingHours"]);
  });
});
