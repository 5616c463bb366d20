import type { Role } from "@/lib/generated/prisma/enums";

/**
 * In which capacity someone acts on one case. Permissions in transitions.ts and operations.ts are
 * written against these, never against raw roles, because the same reviewer may act on the case
 * assigned to them and only look at the others.
 */
export const OWNER = "OWNER";
export type Actor =
  /** The applicant who filed the case (other applicants have no capacity at all). */
  | typeof OWNER
  /** The reviewer the case is assigned to. */
  | "ASSIGNEE"
  /** Any other reviewer: may look, and claim an unassigned case of a service they handle. */
  | "REVIEWER"
  /** Any supervisor: acts on every case and (re)assigns. */
  | "SUPERVISOR"
  /** Administrators run the system, not cases: they may look. */
  | "ADMIN";

export type WorkflowViewer = {
  id: string;
  role: Role;
  /** Services this staff member handles (StaffService); only claiming depends on it. */
  handledServiceIds?: readonly string[];
};

export type CaseParties = { applicantId: string; assigneeId: string | null };

/** The viewer's capacity on this case, or null when they have none (another applicant). */
export function actorFor(parties: CaseParties, viewer: WorkflowViewer): Actor | null {
  switch (viewer.role) {
    case "APPLICANT":
      return viewer.id === parties.applicantId ? OWNER : null;
    case "REVIEWER":
      return viewer.id === parties.assigneeId ? "ASSIGNEE" : "REVIEWER";
    case "SUPERVISOR":
      return "SUPERVISOR";
    case "ADMIN":
      return "ADMIN";
  }
}

/** Staff who work cases (and may be assigned one): the transitions' and operations' CASE_STAFF. */
export const CASE_STAFF: readonly Actor[] = ["ASSIGNEE", "SUPERVISOR"];
