import { describe, expect, it } from "vitest";
import { CHECK_FIELDS, failureLead } from "./failure-lead";

describe("failureLead", () => {
  it("points at the marked fields only when a field of the form is marked", () => {
    expect(failureLead({ message: CHECK_FIELDS, fieldErrors: { publicNote: ["x"] } })).toBe(CHECK_FIELDS);
    expect(
      failureLead({ message: CHECK_FIELDS, fieldErrors: { payment: ["x"], publicNote: ["y"] } }, ["payment"]),
    ).toBe(CHECK_FIELDS);
  });

  it("says the step was not done, for the reason listed, when no field is marked (approve on an unpaid case)", () => {
    expect(
      failureLead({ message: CHECK_FIELDS, fieldErrors: { payment: ["case.errors.feeNotPaid"] } }, [
        "payment",
      ]),
    ).toBe("errors.notDoneBecause");
    expect(failureLead({ message: CHECK_FIELDS, fieldErrors: { payment: [] } }, ["payment"])).toBe(
      "errors.notDone",
    );
    expect(failureLead({ message: CHECK_FIELDS })).toBe("errors.notDone");
    expect(failureLead({ message: CHECK_FIELDS, fieldErrors: { applicationId: ["x"] } }, "all")).toBe(
      "errors.notDone",
    );
  });

  it("leaves every other message alone", () => {
    expect(
      failureLead({ message: "errors.notAuthorized", fieldErrors: { payment: ["x"] } }, ["payment"]),
    ).toBe("errors.notAuthorized");
  });
});
