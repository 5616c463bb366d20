import { describe, expect, it } from "vitest";
import { ApplicationStatus, Role, WorkflowNode } from "@/lib/generated/prisma/enums";
import { allowedTransitions, findAllowedTransition, type CaseState, type TransitionName, type TransitionViewer } from "./transitions";

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

type Who = "owner" | "otherApplicant" | "REVIEWER" | "SUPERVISOR" | "ADMIN";
const WHO: Who[] = ["owner", "otherApplicant", "REVIEWER", "SUPERVISOR", "ADMIN"];

function viewerFor(who: Who): TransitionViewer {
  if (who === "owner") return { id: OWNER_ID, role: Role.APPLICANT };
  if (who === "otherApplicant") return { id: "someone-else", role: Role.APPLICANT };
  return { id: `staff-${who}`, role: who };
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
  if (who === "REVIEWER" || who === "SUPERVISOR") {
    const table: Partial<Record<WorkflowNode, string[]>> = {
      SUBMITTED: ["ADVANCE→MATERIAL_CHECK"],
      MATERIAL_CHECK: ["REQUEST_SUPPLEMENT→AWAITING_SUPPLEMENT", "ADVANCE→SUBSTANTIVE_REVIEW"],
      SUBSTANTIVE_REVIEW: ["REQUEST_SUPPLEMENT→AWAITING_SUPPLEMENT", `ADVANCE→${requiresExpertReview ? "EXPERT_REVIEW" : "DECISION"}`],
      EXPERT_REVIEW: ["ADVANCE→DECISION"],
      DECISION: ["APPROVE→RESULT_NOTIFIED", "REJECT→REJECTED"],
      RESULT_NOTIFIED: ["ISSUE_DOCUMENT→DOCUMENT_ISSUED"],
    };
    return table[node] ?? [];
  }
  return []; // other applicants and administrators never move a case
}

function names(state: CaseState, viewer: TransitionViewer) {
  return allowedTransitions(state, viewer).map((transition) => `${transition.name}→${transition.to}`);
}

describe("allowedTransitions on consistent cases", () => {
  const cases = ALL_NODES.flatMap((node) => WHO.flatMap((who) => [true, false].map((expert) => [node, who, expert] as const)));
  it.each(cases)("%s, %s, expert review %s", (node, who, requiresExpertReview) => {
    const state: CaseState = { currentNode: node, status: STATUS_OF[node], applicantId: OWNER_ID, requiresExpertReview };
    expect(names(state, viewerFor(who))).toEqual(expected(node, who, requiresExpertReview));
  });
});

describe("allowedTransitions on any node/status pair", () => {
  it("never offers more than the consistent case, and nothing once the status is closed", () => {
    for (const node of ALL_NODES) {
      for (const status of ALL_STATUSES) {
        for (const who of WHO) {
          const state: CaseState = { currentNode: node, status, applicantId: OWNER_ID, requiresExpertReview: true };
          const got = names(state, viewerFor(who));
          if (["COMPLETED", "REJECTED", "WITHDRAWN"].includes(status)) expect([node, status, who, got]).toEqual([node, status, who, []]);
          for (const entry of got) expect(expected(node, who, true)).toContain(entry);
        }
      }
    }
  });

  it("does not let the applicant answer a supplement while the case is not waiting for them", () => {
    const state: CaseState = { currentNode: "AWAITING_SUPPLEMENT", status: "IN_PROGRESS", applicantId: OWNER_ID, requiresExpertReview: false };
    expect(names(state, viewerFor("owner"))).toEqual(["WITHDRAW→WITHDRAWN"]);
  });
});

describe("findAllowedTransition", () => {
  const state: CaseState = { currentNode: "AWAITING_SUPPLEMENT", status: "AWAITING_APPLICANT", applicantId: OWNER_ID, requiresExpertReview: false };

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
    const review: CaseState = { currentNode: "SUBSTANTIVE_REVIEW", status: "IN_PROGRESS", applicantId: OWNER_ID, requiresExpertReview: false };
    expect(findAllowedTransition(review, viewerFor("REVIEWER"), "REQUEST_SUPPLEMENT")?.requires).toEqual(["supplementItems", "supplementDueAt"]);
    const decision: CaseState = { ...review, currentNode: "DECISION" };
    expect(findAllowedTransition(decision, viewerFor("SUPERVISOR"), "REJECT")).toMatchObject({ requires: ["reason"], status: "REJECTED" });
    expect(findAllowedTransition(decision, viewerFor("SUPERVISOR"), "APPROVE")).toMatchObject({ requires: [], status: "APPROVED" });
    const notified: CaseState = { ...review, currentNode: "RESULT_NOTIFIED", status: "APPROVED" };
    expect(findAllowedTransition(notified, viewerFor("REVIEWER"), "ISSUE_DOCUMENT")).toMatchObject({ requires: ["resultDocument"], status: "COMPLETED" });
  });
});
