import { describe, expect, it } from "vitest";
import { provideSupplementSchema, transitionInputSchema, withdrawSchema } from "./schema";

const ID = "6f1c1a9e-2b5d-4c3e-9a7b-0d1e2f3a4b5c";

describe("transitionInputSchema", () => {
  it("trims notes and treats empty ones as absent", () => {
    expect(transitionInputSchema.parse({ publicNote: "  hi  ", internalNote: "   " })).toEqual({
      publicNote: "hi",
      internalNote: undefined,
    });
  });

  it("accepts itemized problems with optional suggestions and a due time from a string", () => {
    expect(
      transitionInputSchema.parse({
        items: [{ problem: " Blurred ", suggestion: "" }],
        dueAt: "2026-11-22T10:00:00Z",
      }),
    ).toEqual({
      publicNote: undefined,
      internalNote: undefined,
      items: [{ problem: "Blurred", suggestion: undefined }],
      dueAt: new Date("2026-11-22T10:00:00Z"),
    });
  });

  it.each([
    [{ items: [{ problem: " " }] }, "validation.required"],
    [{ items: Array.from({ length: 21 }, () => ({ problem: "x" })) }, "case.errors.tooManyItems"],
    [{ publicNote: "x".repeat(2001) }, "validation.tooLong"],
    [{ dueAt: "not a date" }, undefined],
  ])("refuses %j", (input, message) => {
    const result = transitionInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe("applicant forms", () => {
  it("reads the case reference and the optional texts from form fields", () => {
    expect(withdrawSchema.parse({ applicationId: ID, expectedVersion: "3", reason: "" })).toEqual({
      applicationId: ID,
      expectedVersion: 3,
      reason: undefined,
    });
    expect(
      provideSupplementSchema.parse({ applicationId: ID, expectedVersion: "0", note: " done " }),
    ).toEqual({ applicationId: ID, expectedVersion: 0, note: "done" });
  });

  it.each([
    { applicationId: "nope", expectedVersion: "1" },
    { applicationId: ID, expectedVersion: "-1" },
    { applicationId: ID, expectedVersion: "1.5" },
    { applicationId: ID },
  ])("refuses %j", (input) => {
    expect(withdrawSchema.safeParse(input).success).toBe(false);
  });
});
