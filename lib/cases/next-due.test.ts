import { describe, expect, it } from "vitest";
import { isStepLate, nextDueOf, type NextDueInput } from "./next-due";

const NOW = new Date("2026-12-05T08:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const base: NextDueInput = { status: "IN_PROGRESS", currentNode: "SUBMITTED", nodeDueAt: at(2) };

describe("nextDueOf", () => {
  it("is the current step's due time while staff hold the case, not yet overdue", () => {
    expect(nextDueOf(base, NOW)).toEqual({
      party: "staff",
      node: "SUBMITTED",
      dueAt: at(2),
      overdue: false,
      lateMs: 0,
      expeditedAt: null,
    });
  });

  it("flags a passed due time as overdue, with how late (same rule as the queue: due < now)", () => {
    expect(nextDueOf({ ...base, nodeDueAt: at(-1.5) }, NOW)).toMatchObject({
      overdue: true,
      lateMs: 1.5 * HOUR,
    });
    expect(nextDueOf({ ...base, nodeDueAt: NOW }, NOW)).toMatchObject({ overdue: false });
  });

  it("is the open supplement's deadline while the case waits for the applicant, whatever else was stored", () => {
    const waiting: NextDueInput = {
      status: "AWAITING_APPLICANT",
      currentNode: "AWAITING_SUPPLEMENT",
      nodeDueAt: at(-2),
      openSupplementDueAt: at(20),
    };
    expect(nextDueOf(waiting, NOW)).toMatchObject({ party: "applicant", dueAt: at(20), overdue: false });
    expect(nextDueOf({ ...waiting, openSupplementDueAt: at(-1) }, NOW)).toMatchObject({
      party: "applicant",
      overdue: true,
    });
  });

  it("has nothing due on a closed case or one without a due time", () => {
    for (const status of ["COMPLETED", "REJECTED", "WITHDRAWN"] as const)
      expect(nextDueOf({ ...base, status, nodeDueAt: at(-5) }, NOW)).toBeNull();
    expect(nextDueOf({ ...base, nodeDueAt: null }, NOW)).toBeNull();
  });

  it("adds the new expected time once the overdue watch escalated the step", () => {
    const escalated = nextDueOf(
      {
        ...base,
        currentNode: "SUBSTANTIVE_REVIEW",
        nodeDueAt: at(-1),
        nodeEnteredAt: at(-5),
        slaEscalatedAt: at(-0.5),
        targetMinutes: 240,
      },
      NOW,
    );
    expect(escalated).toMatchObject({ overdue: true, expeditedAt: at(3.5) });
  });
});

describe("isStepLate (when 催办 is offered and accepted)", () => {
  it("is false on a fresh case and true once staff's step is past due", () => {
    expect(isStepLate(base, NOW)).toBe(false);
    expect(isStepLate({ ...base, nodeDueAt: at(-0.1) }, NOW)).toBe(true);
  });

  it("is false while the applicant holds the case, even past their own deadline", () => {
    expect(
      isStepLate(
        {
          status: "AWAITING_APPLICANT",
          currentNode: "AWAITING_SUPPLEMENT",
          nodeDueAt: at(-3),
          openSupplementDueAt: at(-3),
        },
        NOW,
      ),
    ).toBe(false);
  });
});
