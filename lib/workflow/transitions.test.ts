import { describe, expect, it } from "vitest";
import { ApplicationStatus, Role, WorkflowNode } from "@/lib/generated/prisma/enums";
import {
  allowedTransitions,
  findAllowedTransition,
  type CaseState,
  type TransitionName,
  type TransitionViewer,
} from "./transitions";

const OWNER_ID = "owner";
const ALL_NODES = Object.values(WorkflowNode);
const ALL_STATUSES = Object.values(ApplicationStatus);

/** The status each node has in a consistent case. */
const STATUS_OF: Record<WorkflowNode, ApplicationStatus> = {
  SUBMITTED: "IN_PROGRESS",
  MATERIAL_CHECK: "IN_PROGRESS",
  AWAITING_SUPPLEMENT: "AWAITING_APPLICANT",
  SUBSTANTIVE_REVIEW: "IN_PROGRESS",
  EXPERT_REVIEW: "IN_PROGRESS",
  DECISION: "IN_PROGRESS",
  RESULT_NOTIFIED: "APPROVED",
  DOCUMENT_ISSUED: "COMPLETED",
  REJECTED: "REJECTED",
  WITHDRAWN: "WITHDRAWN",
};

const ASSIGNEE_ID = "assigned-reviewer";

/** "assignee" is the reviewer the case is assigned to; "REVIEWER" any other reviewer. */
type Who = "owner" | "otherApplicant" | "assignee" | "REVIEWER" | "SUPERVISOR" | "ADMIN";
const WHO: Who[] = ["owner", "otherApplicant", "assignee", "REVIEWER", "SUPERVISOR", "ADMIN"];

function viewerFor(who: Who): TransitionViewer {
  if (who === "owner") return { id: OWNER_ID, role: Role.APPLICANT };
  if (who === "otherApplicant") return { id: "someone-else", role: Role.APPLICANT };
  if (who === "assignee") return { id: ASSIGNEE_ID, role: Role.REVIEWER };
  return { id: `staff-${who}`, role: who };
}

function caseState(
  currentNode: WorkflowNode,
  status: ApplicationStatus,
  requiresExpertReview: boolean,
): CaseState {
  return { currentNode, status, applicantId: OWNER_ID, assigneeId: ASSIGNEE_ID, requiresExpertReview };
}

/** Written out by hand from the brief, independently of the table, as "name→target" per node. */
function expected(node: WorkflowNode, who: Who, requiresExpertReview: boolean): string[] {
  if (who === "owner") {
    const table: Partial<Record<WorkflowNode, string[]>> = {
      SUBMITTED: ["WITHDRAW→WITHDRAWN"],
      MATERIAL_CHECK: ["WITHDRAW→WITHDRAWN"],
      AWAITING_SUPPLEMENT: ["WITHDRAW→WITHDRAWN", "PROVIDE_SUPPLEMENT→MATERIAL_CHECK"],
      SUBSTANTIVE_REVIEW: ["WITHDRAW→WITHDRAWN"],
      EXPERT_REVIEW: ["WITHDRAW→WITHDRAWN"],
    };
    return table[node] ?? [];
  }
  if (who === "assignee" || who === "SUPERVISOR") {
    const table: Partial<Record<WorkflowNode, string[]>> = {
      SUBMITTED: ["ADVANCE→MATERIAL_CHECK"],
      MATERIAL_CHECK: ["REQUEST_SUPPLEMENT→AWAITING_SUPPLEMENT", "ADVANCE→SUBSTANTIVE_REVIEW"],
      SUBSTANTIVE_REVIEW: [
        "REQUEST_SUPPLEMENT→AWAITING_SUPPLEMENT",
        `ADVANCE→${requiresExpertReview ? "EXPERT_REVIEW" : "DECISION"}`,
      ],
      EXPERT_REVIEW: ["ADVANCE→DECISION"],
      DECISION: ["APPROVE→RESULT_NOTIFIED", "REJECT→REJECTED"],
      RESULT_NOTIFIED: ["ISSUE_DOCUMENT→DOCUMENT_ISSUED"],
    };
    return table[node] ?? [];
  }
  return []; // other applicants, reviewers the case is not assigned to, and administrators never move it
}

function names(state: CaseState, viewer: TransitionViewer) {
  return allowedTransitions(state, viewer).map((transition) => `${transition.name}→${transition.to}`);
}

describe("allowedTransitions on consistent cases", () => {
  const cases = ALL_NODES.flatMap((node) =>
    WHO.flatMap((who) => [true, false].map((expert) => [node, who, expert] as const)),
  );
  it.each(cases)("%s, %s, expert review %s", (node, who, requiresExpertReview) => {
    const state = caseState(node, STATUS_OF[node], requiresExpertReview);
    expect(names(state, viewerFor(who))).toEqual(expected(node, who, requiresExpertReview));
  });
});

describe("allowedTransitions on any node/status pair", () => {
  it("never offers more than the consistent case, and nothing once the status is closed", () => {
    for (const node of ALL_NODES) {
      for (const status of ALL_STATUSES) {
        for (const who of WHO) {
          const state = caseState(node, status, true);
          const got = names(state, viewerFor(who));
          if (["COMPLETED", "REJECTED", "WITHDRAWN"].includes(status))
            expect([node, status, who, got]).toEqual([node, status, who, []]);
          for (const entry of got) expect(expected(node, who, true)).toContain(entry);
        }
      }
    }
  });

  it("does not let the applicant answer a supplement while the case is not waiting for them", () => {
    const state = caseState("AWAITING_SUPPLEMENT", "IN_PROGRESS", false);
    expect(names(state, viewerFor("owner"))).toEqual(["WITHDRAW→WITHDRAWN"]);
  });
});

describe("findAllowedTransition", () => {
  const state = caseState("AWAITING_SUPPLEMENT", "AWAITING_APPLICANT", false);

  it("returns the transition with its requirements, action and resulting status", () => {
    expect(findAllowedTransition(state, viewerFor("owner"), "PROVIDE_SUPPLEMENT")).toEqual({
      name: "PROVIDE_SUPPLEMENT",
      from: "AWAITING_SUPPLEMENT",
      to: "MATERIAL_CHECK",
      action: "SUPPLEMENT_PROVIDED",
      requires: ["supplementAnswer"],
      status: "IN_PROGRESS",
      notify: "case.supplementProvided",
    });
  });

  it.each<[Who, TransitionName]>([
    ["otherApplicant", "PROVIDE_SUPPLEMENT"],
    ["otherApplicant", "WITHDRAW"],
    ["REVIEWER", "PROVIDE_SUPPLEMENT"],
    ["REVIEWER", "WITHDRAW"],
    ["owner", "ADVANCE"],
    ["owner", "REQUEST_SUPPLEMENT"],
  ])("refuses %s doing %s", (who, name) => {
    expect(findAllowedTransition(state, viewerFor(who), name)).toBeNull();
  });

  it("states what staff transitions require", () => {
    const review = caseState("SUBSTANTIVE_REVIEW", "IN_PROGRESS", false);
    expect(findAllowedTransition(review, viewerFor("assignee"), "REQUEST_SUPPLEMENT")?.requires).toEqual([
      "supplementItems",
      "supplementDueAt",
    ]);
    const decision: CaseState = { ...review, currentNode: "DECISION" };
    expect(findAllowedTransition(decision, viewerFor("SUPERVISOR"), "REJECT")).toMatchObject({
      requires: ["reason"],
      status: "REJECTED",
    });
    expect(findAllowedTransition(decision, viewerFor("SUPERVISOR"), "APPROVE")).toMatchObject({
      requires: ["payment"],
      status: "APPROVED",
    });
    const notified: CaseState = { ...review, currentNode: "RESULT_NOTIFIED", status: "APPROVED" };
    expect(findAllowedTransition(notified, viewerFor("assignee"), "ISSUE_DOCUMENT")).toMatchObject({
      requires: ["resultDocument"],
      status: "COMPLETED",
    });
  });
});

describe("assignment", () => {
  it("lets a reviewer act only on the case assigned to them, and a supervisor on any", () => {
    const unassigned: CaseState = { ...caseState("MATERIAL_CHECK", "IN_PROGRESS", false), assigneeId: null };
    expect(names(unassigned, viewerFor("REVIEWER"))).toEqual([]);
    expect(names(unassigned, viewerFor("assignee"))).toEqual([]);
    expect(names(unassigned, viewerFor("SUPERVISOR"))).toEqual([
      "REQUEST_SUPPLEMENT→AWAITING_SUPPLEMENT",
      "ADVANCE→SUBSTANTIVE_REVIEW",
    ]);
    const toOther: CaseState = { ...unassigned, assigneeId: "staff-REVIEWER" };
    expect(names(toOther, viewerFor("REVIEWER"))).toEqual([
      "REQUEST_SUPPLEMENT→AWAITING_SUPPLEMENT",
      "ADVANCE→SUBSTANTIVE_REVIEW",
    ]);
    expect(names(toOther, viewerFor("assignee"))).toEqual([]);
  });

  it("does not make an administrator assigned to a case able to move it", () => {
    const state: CaseState = {
      ...caseState("MATERIAL_CHECK", "IN_PROGRESS", false),
      assigneeId: "staff-ADMIN",
    };
    expect(names(state, viewerFor("ADMIN"))).toEqual([]);
  });
});
