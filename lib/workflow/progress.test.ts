import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { caseProgress, simpleProgress, type ProgressEvent, type ProgressInput } from "./progress";

const NOW = new Date("2026-11-21T12:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const LI = { name: "Li", staff: true };
const SAM = { name: "Sam", staff: true };
const ME = { name: "Wang", staff: false };

function event(
  node: WorkflowNode,
  action: ProgressEvent["action"],
  hours: number,
  extra: Partial<ProgressEvent> = {},
): ProgressEvent {
  return { node, action, occurredAt: at(hours), dueAt: null, publicNote: null, actor: null, ...extra };
}

// Targets in minutes: 1 h material check, 4 h review, 2 h expert, 2 h decision, 30 min notice, 3 h document.
const TARGETS = {
  MATERIAL_CHECK: 60,
  SUBSTANTIVE_REVIEW: 240,
  EXPERT_REVIEW: 120,
  DECISION: 120,
  RESULT_NOTIFIED: 30,
  DOCUMENT_ISSUED: 180,
};

function input(overrides: Partial<ProgressInput>): ProgressInput {
  return {
    currentNode: "SUBMITTED",
    status: "IN_PROGRESS",
    requiresExpertReview: false,
    nodeDueAt: null,
    caseDueAt: at(48),
    events: [event("SUBMITTED", "SUBMITTED", -1, { actor: ME })],
    nodeTargets: TARGETS,
    now: NOW,
    ...overrides,
  };
}

const brief = (progress: ReturnType<typeof caseProgress>) =>
  progress.steps.map((step) => `${step.node}:${step.state}`);

describe("simpleProgress", () => {
  const withoutExpert: [WorkflowNode, number][] = [
    ["SUBMITTED", 0],
    ["MATERIAL_CHECK", 20],
    ["AWAITING_SUPPLEMENT", 20],
    ["SUBSTANTIVE_REVIEW", 40],
    ["EXPERT_REVIEW", 60], // off this service's path: counts as past review
    ["DECISION", 60],
    ["RESULT_NOTIFIED", 80],
  ];
  it.each(withoutExpert)("%s without expert review is %i %%", (currentNode, percent) => {
    expect(simpleProgress({ currentNode, status: "IN_PROGRESS", requiresExpertReview: false })).toMatchObject(
      { percent, ended: false },
    );
  });

  const withExpert: [WorkflowNode, number][] = [
    ["SUBMITTED", 0],
    ["MATERIAL_CHECK", 17],
    ["AWAITING_SUPPLEMENT", 17],
    ["SUBSTANTIVE_REVIEW", 33],
    ["EXPERT_REVIEW", 50],
    ["DECISION", 67],
    ["RESULT_NOTIFIED", 83],
  ];
  it.each(withExpert)("%s with expert review is %i %%", (currentNode, percent) => {
    expect(simpleProgress({ currentNode, status: "IN_PROGRESS", requiresExpertReview: true }).percent).toBe(
      percent,
    );
  });

  it.each([
    ["DOCUMENT_ISSUED", "COMPLETED", "completed"],
    ["WITHDRAWN", "WITHDRAWN", "withdrawn"],
    ["REJECTED", "REJECTED", "rejected"],
  ] as const)("a case ended at %s is 100 %% and marked %s, not approved", (currentNode, status, outcome) => {
    expect(simpleProgress({ currentNode, status, requiresExpertReview: false })).toEqual({
      percent: 100,
      ended: true,
      outcome,
      currentNode,
      currentNodeKey: `nodes.${currentNode}`,
    });
  });

  it("maps the open statuses to outcomes", () => {
    expect(
      simpleProgress({
        currentNode: "AWAITING_SUPPLEMENT",
        status: "AWAITING_APPLICANT",
        requiresExpertReview: false,
      }).outcome,
    ).toBe("awaitingApplicant");
    expect(
      simpleProgress({ currentNode: "RESULT_NOTIFIED", status: "APPROVED", requiresExpertReview: false }),
    ).toMatchObject({ outcome: "approved", ended: false });
    expect(
      simpleProgress({ currentNode: "SUBMITTED", status: "IN_PROGRESS", requiresExpertReview: false })
        .outcome,
    ).toBe("inProgress");
  });
});

describe("caseProgress: a new case", () => {
  const progress = caseProgress(input({ nodeDueAt: null }));

  it("shows submission current, expert review skipped and the rest in the future", () => {
    expect(brief(progress)).toEqual([
      "SUBMITTED:current",
      "MATERIAL_CHECK:future",
      "SUBSTANTIVE_REVIEW:future",
      "EXPERT_REVIEW:skipped",
      "DECISION:future",
      "RESULT_NOTIFIED:future",
      "DOCUMENT_ISSUED:future",
    ]);
    expect(progress).toMatchObject({
      percent: 0,
      currentNode: "SUBMITTED",
      currentNodeKey: "nodes.SUBMITTED",
      ended: false,
    });
  });

  it("has no expected times when the current node has neither a due time nor a target, except the case due time up to the decision", () => {
    expect(
      progress.steps.map((step) => [
        step.node,
        step.expectedAt?.toISOString() ?? null,
        step.expectedIsCaseDue,
      ]),
    ).toEqual([
      ["SUBMITTED", null, false],
      ["MATERIAL_CHECK", at(48).toISOString(), true],
      ["SUBSTANTIVE_REVIEW", at(48).toISOString(), true],
      ["EXPERT_REVIEW", null, false],
      ["DECISION", at(48).toISOString(), true],
      ["RESULT_NOTIFIED", null, false],
      ["DOCUMENT_ISSUED", null, false],
    ]);
  });

  it("shows nothing expected at all without targets or a case due time", () => {
    const bare = caseProgress(input({ caseDueAt: null, nodeTargets: {} }));
    expect(bare.steps.every((step) => step.expectedAt === null)).toBe(true);
  });

  it("gives every step a unique key", () => {
    expect(new Set(progress.steps.map((step) => step.key)).size).toBe(progress.steps.length);
  });
});

describe("caseProgress: expected times", () => {
  it("chains node targets from the current node's due time", () => {
    const progress = caseProgress(input({ nodeDueAt: at(2) }));
    expect(
      progress.steps
        .filter((step) => step.state === "future")
        .map((step) => [step.node, step.expectedAt, step.expectedIsCaseDue]),
    ).toEqual([
      ["MATERIAL_CHECK", at(3), false],
      ["SUBSTANTIVE_REVIEW", at(7), false],
      ["DECISION", at(9), false],
      ["RESULT_NOTIFIED", at(9.5), false],
      // Reaching the last node is the document being issued: no extra target on top.
      ["DOCUMENT_ISSUED", at(9.5), false],
    ]);
    expect(progress.steps[0]).toMatchObject({ node: "SUBMITTED", dueAt: at(2) });
  });

  it("counts from now when the current node is overdue", () => {
    const progress = caseProgress(input({ nodeDueAt: at(-5) }));
    expect(progress.steps[1]).toMatchObject({ node: "MATERIAL_CHECK", expectedAt: at(1) });
  });

  it("uses the current node's start plus its target when it has no due time", () => {
    const progress = caseProgress(
      input({
        currentNode: "MATERIAL_CHECK",
        events: [event("SUBMITTED", "SUBMITTED", -3), event("MATERIAL_CHECK", "ADVANCED", -0.5)],
      }),
    );
    // Material check started half an hour ago with a one-hour target: due in 30 minutes.
    expect(progress.steps.find((step) => step.node === "SUBSTANTIVE_REVIEW")).toMatchObject({
      state: "future",
      expectedAt: at(4.5),
    });
  });

  it("includes expert review for services that need it", () => {
    const progress = caseProgress(input({ requiresExpertReview: true, nodeDueAt: at(1) }));
    expect(progress.steps.find((step) => step.node === "EXPERT_REVIEW")).toMatchObject({
      state: "future",
      expectedAt: at(8),
    });
  });

  it("falls back to the case due time from the first node without a target", () => {
    const { SUBSTANTIVE_REVIEW: _missing, ...targets } = TARGETS;
    const progress = caseProgress(input({ nodeDueAt: at(1), nodeTargets: targets }));
    expect(
      progress.steps
        .filter((step) => step.state === "future")
        .map((step) => [step.node, step.expectedAt, step.expectedIsCaseDue]),
    ).toEqual([
      ["MATERIAL_CHECK", at(2), false],
      ["SUBSTANTIVE_REVIEW", at(48), true],
      ["DECISION", at(48), true],
      ["RESULT_NOTIFIED", null, false],
      ["DOCUMENT_ISSUED", null, false],
    ]);
  });
});

describe("caseProgress: history", () => {
  const events = [
    event("SUBMITTED", "SUBMITTED", -10, { actor: ME }),
    event("MATERIAL_CHECK", "ADVANCED", -9, { actor: LI, dueAt: at(-8), publicNote: "Picked up" }),
    event("MATERIAL_CHECK", "NOTE_ADDED", -8.5, { actor: SAM, publicNote: "Checking the stamp" }),
    event("SUBSTANTIVE_REVIEW", "ADVANCED", -8, { actor: LI }),
  ];

  it("times completed nodes by their visits and names the staff who handled them", () => {
    const progress = caseProgress(
      input({ currentNode: "SUBSTANTIVE_REVIEW", nodeDueAt: at(3), events, assigneeName: "Li" }),
    );
    const [submitted, check, review] = progress.steps;
    expect(submitted).toMatchObject({
      node: "SUBMITTED",
      state: "completed",
      startedAt: at(-10),
      finishedAt: at(-9),
      handledBy: ["Li"],
      visit: 1,
    });
    expect(check).toMatchObject({
      node: "MATERIAL_CHECK",
      state: "completed",
      startedAt: at(-9),
      finishedAt: at(-8),
      dueAt: at(-8),
      handledBy: ["Sam", "Li"],
      notes: [
        { at: at(-9), text: "Picked up" },
        { at: at(-8.5), text: "Checking the stamp" },
      ],
    });
    expect(review).toMatchObject({
      node: "SUBSTANTIVE_REVIEW",
      state: "current",
      startedAt: at(-8),
      finishedAt: null,
      dueAt: at(3),
      handledBy: ["Li"],
    });
    expect(progress.percent).toBe(40);
  });

  it("sorts events by time whatever order they come in", () => {
    const progress = caseProgress(
      input({ currentNode: "SUBSTANTIVE_REVIEW", events: [...events].reverse() }),
    );
    expect(brief(progress).slice(0, 3)).toEqual([
      "SUBMITTED:completed",
      "MATERIAL_CHECK:completed",
      "SUBSTANTIVE_REVIEW:current",
    ]);
  });

  it("does not name the applicant as a handler", () => {
    const progress = caseProgress(input({ events: [event("SUBMITTED", "SUBMITTED", -1, { actor: ME })] }));
    expect(progress.steps[0]?.handledBy).toEqual([]);
  });

  it("marks expert review skipped where the case went straight from review to decision", () => {
    const progress = caseProgress(
      input({
        currentNode: "DECISION",
        requiresExpertReview: false,
        events: [...events, event("DECISION", "ADVANCED", -1, { actor: LI })],
      }),
    );
    expect(brief(progress)).toEqual([
      "SUBMITTED:completed",
      "MATERIAL_CHECK:completed",
      "SUBSTANTIVE_REVIEW:completed",
      "EXPERT_REVIEW:skipped",
      "DECISION:current",
      "RESULT_NOTIFIED:future",
      "DOCUMENT_ISSUED:future",
    ]);
  });

  it("still shows where the case is when its history does not reach the current node", () => {
    const progress = caseProgress(
      input({ currentNode: "MATERIAL_CHECK", events: [event("SUBMITTED", "SUBMITTED", -1)] }),
    );
    expect(brief(progress).slice(0, 2)).toEqual(["SUBMITTED:completed", "MATERIAL_CHECK:current"]);
    expect(progress.steps[1]).toMatchObject({ startedAt: null });
  });

  it("works without any events", () => {
    expect(brief(caseProgress(input({ events: [] })))[0]).toBe("SUBMITTED:current");
  });
});

describe("caseProgress: the supplement detour", () => {
  const untilRequest = [
    event("SUBMITTED", "SUBMITTED", -10, { actor: ME }),
    event("MATERIAL_CHECK", "ADVANCED", -9, { actor: LI }),
    event("AWAITING_SUPPLEMENT", "SUPPLEMENT_REQUESTED", -8, {
      actor: LI,
      dueAt: at(20),
      publicNote: "Signature missing",
    }),
  ];

  it("shows the detour as current and material check coming again", () => {
    const progress = caseProgress(
      input({
        currentNode: "AWAITING_SUPPLEMENT",
        status: "AWAITING_APPLICANT",
        nodeDueAt: at(20),
        events: untilRequest,
      }),
    );
    expect(brief(progress)).toEqual([
      "SUBMITTED:completed",
      "MATERIAL_CHECK:completed",
      "AWAITING_SUPPLEMENT:current",
      "MATERIAL_CHECK:future",
      "SUBSTANTIVE_REVIEW:future",
      "EXPERT_REVIEW:skipped",
      "DECISION:future",
      "RESULT_NOTIFIED:future",
      "DOCUMENT_ISSUED:future",
    ]);
    const detour = progress.steps[2]!;
    expect(detour).toMatchObject({
      detour: true,
      dueAt: at(20),
      notes: [{ at: at(-8), text: "Signature missing" }],
    });
    // Expectations count from now (an answer now moves everything up), not from the supplement's due time.
    expect(progress.steps[3]).toMatchObject({ expectedAt: at(1) });
    expect(progress).toMatchObject({ percent: 20, outcome: "awaitingApplicant", ended: false });
  });

  it("shows the second material check as a second visit once the applicant answered", () => {
    const progress = caseProgress(
      input({
        currentNode: "MATERIAL_CHECK",
        events: [...untilRequest, event("MATERIAL_CHECK", "SUPPLEMENT_PROVIDED", -2, { actor: ME })],
      }),
    );
    expect(brief(progress).slice(0, 5)).toEqual([
      "SUBMITTED:completed",
      "MATERIAL_CHECK:completed",
      "AWAITING_SUPPLEMENT:completed",
      "MATERIAL_CHECK:current",
      "SUBSTANTIVE_REVIEW:future",
    ]);
    expect(progress.steps[2]).toMatchObject({ handledBy: ["Li"], finishedAt: at(-2) });
    expect(progress.steps[3]).toMatchObject({ visit: 2 });
    expect(progress.steps[1]).toMatchObject({ visit: 1 });
  });
});

describe("caseProgress: ended cases", () => {
  it("marks a withdrawn case ended at 100 % with every unreached node skipped", () => {
    const progress = caseProgress(
      input({
        currentNode: "WITHDRAWN",
        status: "WITHDRAWN",
        events: [
          event("SUBMITTED", "SUBMITTED", -10),
          event("MATERIAL_CHECK", "ADVANCED", -9, { actor: LI }),
          event("AWAITING_SUPPLEMENT", "SUPPLEMENT_REQUESTED", -8, { actor: LI }),
          event("WITHDRAWN", "WITHDRAWN", -1, { actor: ME, publicNote: "No longer needed" }),
        ],
      }),
    );
    expect(brief(progress)).toEqual([
      "SUBMITTED:completed",
      "MATERIAL_CHECK:completed",
      "AWAITING_SUPPLEMENT:completed",
      "WITHDRAWN:completed",
      "SUBSTANTIVE_REVIEW:skipped",
      "EXPERT_REVIEW:skipped",
      "DECISION:skipped",
      "RESULT_NOTIFIED:skipped",
      "DOCUMENT_ISSUED:skipped",
    ]);
    expect(progress).toMatchObject({ percent: 100, ended: true, outcome: "withdrawn" });
    expect(progress.steps[3]).toMatchObject({ outcome: true, notes: [{ text: "No longer needed" }] });
    expect(progress.steps.filter((step) => step.outcome)).toHaveLength(1);
  });

  it("marks a rejected case ended, not approved", () => {
    const progress = caseProgress(
      input({
        currentNode: "REJECTED",
        status: "REJECTED",
        requiresExpertReview: true,
        events: [
          event("SUBMITTED", "SUBMITTED", -10),
          event("MATERIAL_CHECK", "ADVANCED", -9, { actor: LI }),
          event("SUBSTANTIVE_REVIEW", "ADVANCED", -8, { actor: LI }),
          event("EXPERT_REVIEW", "ADVANCED", -7, { actor: LI }),
          event("DECISION", "ADVANCED", -6, { actor: SAM }),
          event("REJECTED", "REJECTED", -5, { actor: SAM, publicNote: "Not urgent" }),
        ],
      }),
    );
    expect(brief(progress).slice(-3)).toEqual([
      "REJECTED:completed",
      "RESULT_NOTIFIED:skipped",
      "DOCUMENT_ISSUED:skipped",
    ]);
    expect(progress.steps.find((step) => step.node === "DECISION")).toMatchObject({
      handledBy: ["Sam"],
      finishedAt: at(-5),
    });
    expect(progress).toMatchObject({ percent: 100, ended: true, outcome: "rejected" });
  });

  it("shows a completed case with every node done and nothing expected", () => {
    const progress = caseProgress(
      input({
        currentNode: "DOCUMENT_ISSUED",
        status: "COMPLETED",
        events: [
          event("SUBMITTED", "SUBMITTED", -10),
          event("MATERIAL_CHECK", "ADVANCED", -9, { actor: LI }),
          event("SUBSTANTIVE_REVIEW", "ADVANCED", -8, { actor: LI }),
          event("DECISION", "APPROVED", -7, { actor: LI }),
          event("RESULT_NOTIFIED", "ADVANCED", -6, { actor: LI }),
          event("DOCUMENT_ISSUED", "DOCUMENT_ISSUED", -5, { actor: LI }),
        ],
      }),
    );
    expect(brief(progress)).toEqual([
      "SUBMITTED:completed",
      "MATERIAL_CHECK:completed",
      "SUBSTANTIVE_REVIEW:completed",
      "EXPERT_REVIEW:skipped",
      "DECISION:completed",
      "RESULT_NOTIFIED:completed",
      "DOCUMENT_ISSUED:completed",
    ]);
    expect(progress).toMatchObject({ percent: 100, ended: true, outcome: "completed" });
    expect(progress.steps.every((step) => step.expectedAt === null)).toBe(true);
    expect(progress.steps.at(-1)).toMatchObject({ outcome: true, handledBy: ["Li"] });
  });
});
