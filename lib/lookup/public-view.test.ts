import { describe, expect, it } from "vitest";
import { PUBLIC_STAFF_NAME, toPublicView, type PublicCaseRow } from "./public-view";

const NOW = new Date("2026-11-21T12:00:00Z");
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000);
const NOTE = "Your mother's hospital letter is blurred";

function row(overrides: Partial<PublicCaseRow> = {}): PublicCaseRow {
  return {
    number: "EX01234567R",
    tier: "URGENT",
    status: "AWAITING_APPLICANT",
    currentNode: "AWAITING_SUPPLEMENT",
    submittedAt: at(30),
    nodeDueAt: at(-10),
    caseDueAt: at(-90),
    applicantName: "张小三",
    assigneeId: "00000000-0000-0000-0000-000000000001",
    serviceId: "00000000-0000-0000-0000-000000000002",
    service: {
      code: "passport-renewal",
      nameZh: "护照加急换发",
      nameEn: "Passport urgent renewal",
      requiresExpertReview: false,
    },
    timeline: [
      {
        node: "SUBMITTED",
        action: "SUBMITTED",
        occurredAt: at(30),
        dueAt: null,
        publicNote: null,
        actor: { role: "APPLICANT" },
      },
      {
        node: "SUBMITTED",
        action: "PAYMENT_RECORDED",
        occurredAt: at(29),
        dueAt: null,
        publicNote: null,
        actor: { role: "APPLICANT" },
      },
      {
        node: "MATERIAL_CHECK",
        action: "ADVANCED",
        occurredAt: at(20),
        dueAt: at(8),
        publicNote: "Picked up",
        actor: { role: "REVIEWER" },
      },
      {
        node: "AWAITING_SUPPLEMENT",
        action: "SUPPLEMENT_REQUESTED",
        occurredAt: at(2),
        dueAt: null,
        publicNote: NOTE,
        actor: { role: "SUPERVISOR" },
      },
    ],
    supplementRequests: [{ dueAt: at(-24) }],
    ...overrides,
  };
}

describe("toPublicView", () => {
  const view = toPublicView(row(), { MATERIAL_CHECK: 600 }, NOW);

  it("masks the name and keeps only public facts", () => {
    expect(view).toMatchObject({
      number: "EX01234567R",
      applicantName: "张*三",
      service: { code: "passport-renewal", nameEn: "Passport urgent renewal" },
      tier: "URGENT",
      status: "AWAITING_APPLICANT",
      currentNode: "AWAITING_SUPPLEMENT",
      // While waiting for the applicant, the open request's due time is the one that counts.
      nodeDueAt: at(-24),
      progress: { currentNode: "AWAITING_SUPPLEMENT", outcome: "awaitingApplicant", ended: false },
    });
    expect(Object.keys(view).sort()).toEqual(
      [
        "applicantName",
        "caseDueAt",
        "currentNode",
        "history",
        "nodeDueAt",
        "number",
        "progress",
        "service",
        "status",
        "submittedAt",
        "tier",
      ].sort(),
    );
  });

  it("calls every handler just 'staff' and withholds the text of public notes, keeping their times", () => {
    const text = JSON.stringify(view);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain("Picked up");
    expect(text).not.toContain("张小三");
    const handlers = new Set(view.progress.steps.flatMap((step) => step.handledBy));
    expect([...handlers]).toEqual([PUBLIC_STAFF_NAME]);
    const material = view.progress.steps.find((step) => step.node === "MATERIAL_CHECK")!;
    expect(material.withheldNotesAt).toEqual([at(20)]);
    expect(material).not.toHaveProperty("notes");
  });

  it("leaves money out of the public history", () => {
    expect(view.history.map((event) => [event.action, event.by])).toEqual([
      ["SUBMITTED", "applicant"],
      ["ADVANCED", "staff"],
      ["SUPPLEMENT_REQUESTED", "staff"],
    ]);
  });

  it("masks Latin names too and shows no handler for an unassigned case", () => {
    const fresh = toPublicView(
      row({
        applicantName: "John Smith",
        assigneeId: null,
        status: "IN_PROGRESS",
        currentNode: "SUBMITTED",
        timeline: row().timeline.slice(0, 1),
        supplementRequests: [],
      }),
      {},
      NOW,
    );
    expect(fresh.applicantName).toBe("J*** Smith");
    expect(fresh.nodeDueAt).toEqual(at(-10));
    expect(fresh.progress.steps.find((step) => step.state === "current")!.handledBy).toEqual([]);
  });
});
