import { describe, expect, it } from "vitest";
import { WARN_FRACTION, deadlineAtRisk, expeditedExpectedAt, slaState } from "./sla-state";

const MINUTE = 60_000;
const entered = new Date("2030-01-07T02:00:00.000Z");
const at = (minutes: number) => new Date(entered.getTime() + minutes * MINUTE);
// A 120-minute node: the warning falls due at 90 minutes.
const node = { nodeEnteredAt: entered, nodeDueAt: at(120) };

describe("slaState", () => {
  it("warns at 75 % of the node's time", () => {
    expect(WARN_FRACTION).toBe(0.75);
    expect(slaState({ ...node, status: "IN_PROGRESS", now: at(0) })).toMatchObject({
      level: "onTrack",
      fraction: 0,
      warnAt: at(90),
      overdueBy: 0,
    });
    expect(slaState({ ...node, status: "IN_PROGRESS", now: at(89) })).toMatchObject({ level: "onTrack" });
    expect(slaState({ ...node, status: "IN_PROGRESS", now: at(90) })).toMatchObject({
      level: "warning",
      fraction: 0.75,
    });
    expect(slaState({ ...node, status: "APPROVED", now: at(119) }).level).toBe("warning");
  });

  it("is overdue only once the due time has passed, by how much", () => {
    expect(slaState({ ...node, status: "IN_PROGRESS", now: at(120) })).toMatchObject({
      level: "warning",
      fraction: 1,
      overdueBy: 0,
    });
    expect(slaState({ ...node, status: "IN_PROGRESS", now: at(150) })).toMatchObject({
      level: "overdue",
      fraction: 1.25,
      overdueBy: 30 * MINUTE,
    });
  });

  it("never goes overdue while waiting for the applicant, and counts the pause up to its due time", () => {
    const state = slaState({ ...node, status: "AWAITING_APPLICANT", now: at(60), pausedMinutes: 45 });
    expect(state).toMatchObject({ level: "paused", paused: true, pausedSince: entered, overdueBy: 0 });
    expect(state.pausedMs).toBe((60 + 45) * MINUTE);
    // Past the supplement's due time the wait stops counting as paused (decision 034).
    const lapsed = slaState({ ...node, status: "AWAITING_APPLICANT", now: at(600), pausedMinutes: 45 });
    expect(lapsed.pausedMs).toBe((120 + 45) * MINUTE);
  });

  it("keeps earlier pauses once the applicant has answered", () => {
    expect(slaState({ ...node, status: "IN_PROGRESS", now: at(10), pausedMinutes: 45 })).toMatchObject({
      paused: false,
      pausedSince: null,
      pausedMs: 45 * MINUTE,
    });
  });

  it("says nothing about closed cases or nodes without a due time", () => {
    expect(slaState({ ...node, status: "COMPLETED", now: at(500) })).toMatchObject({
      level: "none",
      overdueBy: 0,
    });
    expect(
      slaState({ nodeEnteredAt: entered, nodeDueAt: null, status: "IN_PROGRESS", now: at(500) }),
    ).toMatchObject({ level: "none", fraction: null, warnAt: null });
    expect(
      slaState({ nodeEnteredAt: entered, nodeDueAt: null, status: "AWAITING_APPLICANT", now: at(5) }).level,
    ).toBe("paused");
  });

  it("copes with a due time at or before entry and a clock before entry", () => {
    expect(
      slaState({ nodeEnteredAt: entered, nodeDueAt: entered, status: "IN_PROGRESS", now: at(0) }),
    ).toMatchObject({ fraction: 1, warnAt: entered, level: "warning" });
    expect(
      slaState({ nodeEnteredAt: entered, nodeDueAt: at(-5), status: "IN_PROGRESS", now: at(1) }),
    ).toMatchObject({ level: "overdue", warnAt: entered });
    expect(slaState({ ...node, status: "IN_PROGRESS", now: at(-10) })).toMatchObject({
      fraction: 0,
      level: "onTrack",
    });
  });
});

describe("deadlineAtRisk", () => {
  const neededBy = at(1000);
  it("is at risk when the case is planned to finish after the needed-by time", () => {
    expect(deadlineAtRisk({ caseDueAt: at(1001), neededBy, closedAt: null, now: at(0) })).toBe(true);
    expect(deadlineAtRisk({ caseDueAt: at(1000), neededBy, closedAt: null, now: at(0) })).toBe(false);
    expect(deadlineAtRisk({ caseDueAt: null, neededBy, closedAt: null, now: at(0) })).toBe(false);
  });

  it("is at risk when the needed-by time has passed with the case open, never once closed", () => {
    expect(deadlineAtRisk({ caseDueAt: at(500), neededBy, closedAt: null, now: at(1001) })).toBe(true);
    expect(deadlineAtRisk({ caseDueAt: at(2000), neededBy, closedAt: at(900), now: at(1001) })).toBe(false);
  });
});

describe("expeditedExpectedAt", () => {
  it("gives the node's target again from the escalation", () => {
    expect(expeditedExpectedAt({ escalatedAt: at(200), ...node, targetMinutes: 60 })).toEqual(at(260));
  });

  it("falls back to the time the node was first given, else nothing", () => {
    expect(expeditedExpectedAt({ escalatedAt: at(200), ...node })).toEqual(at(320));
    expect(expeditedExpectedAt({ escalatedAt: at(200), nodeEnteredAt: entered, nodeDueAt: null })).toBeNull();
    expect(
      expeditedExpectedAt({
        escalatedAt: at(200),
        nodeEnteredAt: entered,
        nodeDueAt: entered,
        targetMinutes: null,
      }),
    ).toBeNull();
  });
});
