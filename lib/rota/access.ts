import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { NotAuthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/** Supervisors and administrators plan the rota; reviewers only see the shifts they are on. */
export const ROTA_EDITOR_ROLES: readonly Role[] = ["SUPERVISOR", "ADMIN"];

/** Who can be put on a shift, and who hands a shift over: the people who work cases. */
export const ON_DUTY_ROLES = ["REVIEWER", "SUPERVISOR"] as const satisfies readonly Role[];

export function canEditRota(role: Role): boolean {
  return ROTA_EDITOR_ROLES.includes(role);
}

export function assertRotaEditor(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  assertArea(viewer, "console");
  if (!canEditRota(viewer.role)) throw new NotAuthorizedError();
}

export function worksShifts(role: Role): boolean {
  return (ON_DUTY_ROLES as readonly Role[]).includes(role);
}

/** Handing over and acknowledging are done by people on shifts; administrators look on. */
export function assertShiftWorker(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  assertArea(viewer, "console");
  if (!worksShifts(viewer.role)) throw new NotAuthorizedError();
}
