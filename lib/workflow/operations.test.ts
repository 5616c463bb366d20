import { describe, expect, it } from "vitest";
import { ApplicationStatus, PaymentStatus, Role, WorkflowNode } from "@/lib/generated/prisma/enums";
import {
  OPERATION_NAMES,
  allowedOperations,
  isOperationAllowed,
  type OperationName,
  type OperationState,
} from "./operations";
import type { WorkflowViewer } from "./actors";

const OWNER_ID = "owner";
const ASSIGNEE_ID = "assigned-reviewer";
const SERVICE_ID = "service-1";

type Who =
  | "owner"
  | "otherApplicant"
  | "assignee"
  | "reviewerForService"
  | "reviewerOtherService"
  | "SUPERVISOR"
  | "ADMIN";
const WHO: Who[] = [
  "owner",
  "otherApplicant",
  "assignee",
  "reviewerForService",
  "reviewerOtherService",
  "SUPERVISOR",
  "ADMIN",
];

function viewerFor(who: Who): WorkflowViewer {
  switch (who) {
    case "owner":
      return { id: OWNER_ID, role: Role.APPLICANT };
    case "otherApplicant":
      return { id: "someone-else", role: Role.APPLICANT };
    case "assignee":
      return { id: ASSIGNEE_ID, role: Role.REVIEWER, handledServiceIds: [SERVICE_ID] };
    case "reviewerForService":
      return { id: "reviewer-2", role: Role.REVIEWER, handledServiceIds: [SERVICE_ID] };
    case "reviewerOtherService":
      return { id: "reviewer-3", role: Role.REVIEWER, handledServiceIds: ["service-2"] };
    default:
      return { id: `staff-${who}`, role: who };
  }
}

const CLOSED = new Set<ApplicationStatus>(["COMPLETED", "REJECTED", "WITHDRAWN"]);

/** Written out from the rules in prose, independently of the table in operations.ts. */
function expected(state: OperationState, who: Who): OperationName[] {
  const open = !CLOSED.has(state.status);
  const viewer = viewerFor(who);
  const isAssignee = viewer.role === "REVIEWER" && viewer.id === state.assigneeId;
  const caseStaff = who === "SUPERVISOR" || isAssignee;
  const result: OperationName[] = [];
  const mayClaim = who === "SUPERVISOR" || who === "reviewerForService" || who === "assignee";
  if (open && state.assigneeId === null && mayClaim) result.push("CLAIM");
  if (open && who === "SUPERVISOR") result.push("ASSIGN");
  if (caseStaff) result.push("ADD_NOTE");
  if (caseStaff && open && (state.currentNode === "DECISION" || state.currentNode === "RESULT_NOTIFIED"))
    result.push("UPLOAD_RESULT_DOCUMENT");
  if (caseStaff && open && state.paymentStatus === "UNPAID") result.push("RECORD_PAYMENT");
  if (who === "SUPERVISOR" && state.paymentStatus === "PAID") result.push("RECORD_REFUND");
  if (who === "SUPERVISOR" && open && (state.paymentStatus === "UNPAID" || state.paymentStatus === "PAID"))
    result.push("WAIVE_FEE");
  // The applicant's only operation: asking staff to hurry on their own open case.
  if (who === "owner" && open) result.push("FOLLOW_UP");
  return result;
}

function* everyState(): Generator<OperationState> {
  for (const currentNode of Object.values(WorkflowNode)) {
    for (const status of Object.values(ApplicationStatus)) {
      for (const paymentStatus of Object.values(PaymentStatus)) {
        for (const assigneeId of [null, ASSIGNEE_ID, "reviewer-2"]) {
          yield {
            currentNode,
            status,
            paymentStatus,
            assigneeId,
            applicantId: OWNER_ID,
            serviceId: SERVICE_ID,
            requiresExpertReview: false,
          };
        }
      }
    }
  }
}

describe("allowedOperations", () => {
  it("matches the written rules for every node, status, payment state, assignment and viewer", () => {
    let checked = 0;
    for (const state of everyState()) {
      for (const who of WHO) {
        const got = allowedOperations(state, viewerFor(who));
        expect({ state, who, got }).toEqual({ state, who, got: expected(state, who) });
        checked += 1;
      }
    }
    expect(checked).toBe(10 * 6 * 4 * 3 * WHO.length);
  });

  it("lets the owner only ask for a follow-up, and other applicants and administrators nothing at all", () => {
    for (const state of everyState()) {
      for (const who of ["otherApplicant", "ADMIN"] as const)
        expect(allowedOperations(state, viewerFor(who))).toEqual([]);
      expect(allowedOperations(state, viewerFor("owner"))).toEqual(
        CLOSED.has(state.status) ? [] : ["FOLLOW_UP"],
      );
    }
  });

  it("lets no staff member ask for a follow-up, whatever the case", () => {
    for (const state of everyState()) {
      for (const who of ["assignee", "reviewerForService", "reviewerOtherService", "SUPERVISOR"] as const) {
        expect(isOperationAllowed(state, viewerFor(who), "FOLLOW_UP")).toBe(false);
      }
    }
  });

  it("lets a reviewer claim only unassigned open cases of services they handle", () => {
    const state: OperationState = {
      currentNode: "SUBMITTED",
      status: "IN_PROGRESS",
      paymentStatus: "UNPAID",
      assigneeId: null,
      applicantId: OWNER_ID,
      serviceId: SERVICE_ID,
      requiresExpertReview: false,
    };
    expect(isOperationAllowed(state, viewerFor("reviewerForService"), "CLAIM")).toBe(true);
    expect(isOperationAllowed(state, viewerFor("reviewerOtherService"), "CLAIM")).toBe(false);
    expect(
      isOperationAllowed({ ...state, assigneeId: "reviewer-2" }, viewerFor("reviewerForService"), "CLAIM"),
    ).toBe(false);
    expect(
      isOperationAllowed(
        { ...state, status: "WITHDRAWN", currentNode: "WITHDRAWN" },
        viewerFor("reviewerForService"),
        "CLAIM",
      ),
    ).toBe(false);
  });

  it("names every operation once", () => {
    expect(new Set(OPERATION_NAMES).size).toBe(OPERATION_NAMES.length);
    expect([...OPERATION_NAMES].sort()).toEqual([
      "ACCEPT_AS_STANDARD",
      "ADD_NOTE",
      "ASSIGN",
      "CLAIM",
      "FOLLOW_UP",
      "RECORD_PAYMENT",
      "RECORD_REFUND",
      "UPGRADE_TIER",
      "UPLOAD_RESULT_DOCUMENT",
      "WAIVE_FEE",
    ]);
  });
});
