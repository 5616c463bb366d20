import type { Role } from "@/lib/generated/prisma/enums";

export type { Role };

/** The parts of the site, each open to a fixed set of roles. */
export type Area = "portal" | "console" | "admin";

const AREA_ROLES: Record<Area, readonly Role[]> = {
  portal: ["APPLICANT"],
  console: ["REVIEWER", "SUPERVISOR", "ADMIN"],
  admin: ["ADMIN"],
};

export const STAFF_ROLES: readonly Role[] = AREA_ROLES.console;

export function canAccess(role: Role, area: Area): boolean {
  return AREA_ROLES[area].includes(role);
}

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** Where a user lands after signing in. */
export function homePathFor(role: Role): string {
  return isStaff(role) ? "/console" : "/portal";
}
