import { describe, expect, it } from "vitest";
import { allowedLapseActions, pausedMinutesOf, reminderDue, returnNodeOf } from "./supplement-deadline";
import type { CaseState } from "./transitions";

const T0 = new Date("2030-01-07T02:00:00.000Z");
const h = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe("supplement reminders", () => {
  const due48 = { dueAt: h(48), setAt: T0, remindedHours: null };

  it("are due 24 h and 2 h before the due time, not before and not after it", () => {
    expect(reminderDue({ ...due48, now: h(23.9) })).toBeNull();
    expect(reminderDue({ ...due48, now: h(24) })).toBe(24);
    expect(reminderDue({ ...due48, remindedHours: 24, now: h(30) })).toBeNull();
    expect(reminderDue({ ...due48, remindedHours: 24, now: h(46) })).toBe(2);
    expect(reminderDue({ ...due48, remindedHours: 2, now: h(47) })).toBeNull();
    expect(reminderDue({ ...due48, now: h(48) })).toBeNull();
  });

  it("skip a lead time whose moment had passed when the due time was set (12 h: only the 2 h one)", () => {
    const due12 = { dueAt: h(12), setAt: T0, remindedHours: null };
    expect(reminderDue({ ...due12, now: T0 })).toBeNull();
    expect(reminderDue({ ...due12, now: h(9) })).toBeNull();
    expect(reminderDue({ ...due12, now: h(10) })).toBe(2);
    expect(reminderDue({ dueAt: h(1), setAt: T0, remindedHours: null, now: h(0.5) })).toBeNull();
  });

  it("send only the nearest one on a late run, never the bigger one after it", () => {
    expect(reminderDue({ ...due48, now: h(47) })).toBe(2);
    expect(reminderDue({ ...due48, remindedHours: 2, now: h(47) })).toBeNull();
  });

  it("count from an extension: a new 30 h due time reminds at 24 h and 2 h before it", () => {
    const extended = { dueAt: h(40), setAt: h(10), remindedHours: null };
    expect(reminderDue({ ...extended, now: h(16) })).toBe(24);
    expect(reminderDue({ ...extended, now: h(15.9) })).toBeNull();
  });
});

describe("the paused clock of one wait", () => {
  it("counts from when the due time was set to the answer, but never past the due time", () => {
    expect(pausedMinutesOf({ setAt: T0, dueAt: h(12), now: h(5) })).toBe(300);
    expect(pausedMinutesOf({ setAt: T0, dueAt: h(12), now: h(20) })).toBe(720);
    expect(pausedMinutesOf({ setAt: h(1), dueAt: h(12), now: T0 })).toBe(0);
  });

  it("continues without it to the step that asked, material check for older requests", () => {
    expect(returnNodeOf("SUBSTANTIVE_REVIEW")).toBe("SUBSTANTIVE_REVIEW");
    expect(returnNodeOf(null)).toBe("MATERIAL_CHECK");
  });
});

describe("who may act on a lapsed supplement", () => {
  const state: CaseState = {
    currentNode: "AWAITING_SUPPLEMENT",
    status: "AWAITING_APPLICANT",
    applicantId: "applicant",
    assigneeId: "assignee",
    requiresExpertReview: false,
  };
  const all = ["EXTEND_SUPPLEMENT", "CONTINUE_WITHOUT_SUPPLEMENT", "CLOSE_NOT_PROVIDED"];

  it("the assignee and supervisors, once the due time has passed", () => {
    expect(allowedLapseActions(state, { id: "assignee", role: "REVIEWER" }, h(1), h(1))).toEqual(all);
    expect(allowedLapseActions(state, { id: "boss", role: "SUPERVISOR" }, h(1), h(2))).toEqual(all);
    expect(allowedLapseActions(state, { id: "assignee", role: "REVIEWER" }, h(1), h(0.9))).toEqual([]);
  });

  it("nobody else, and not once the case left the wait", () => {
    expect(allowedLapseActions(state, { id: "other", role: "REVIEWER" }, h(1), h(2))).toEqual([]);
    expect(allowedLapseActions(state, { id: "applicant", role: "APPLICANT" }, h(1), h(2))).toEqual([]);
    expect(allowedLapseActions(state, { id: "admin", role: "ADMIN" }, h(1), h(2))).toEqual([]);
    const back = { ...state, currentNode: "MATERIAL_CHECK" as const, status: "IN_PROGRESS" as const };
    expect(allowedLapseActions(back, { id: "assignee", role: "REVIEWER" }, h(1), h(2))).toEqual([]);
    expect(allowedLapseActions(state, { id: "assignee", role: "REVIEWER" }, null, h(2))).toEqual([]);
  });
});
