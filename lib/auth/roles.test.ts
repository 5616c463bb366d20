import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { canAccess, homePathFor, isStaff } from "./roles";

const ROLES: Role[] = ["APPLICANT", "REVIEWER", "SUPERVISOR", "ADMIN"];

describe("canAccess", () => {
  it.each([
    ["APPLICANT", { portal: true, console: false, admin: false }],
    ["REVIEWER", { portal: false, console: true, admin: false }],
    ["SUPERVISOR", { portal: false, console: true, admin: false }],
    ["ADMIN", { portal: false, console: true, admin: true }],
  ] as const)("%s", (role, expected) => {
    expect(canAccess(role, "portal")).toBe(expected.portal);
    expect(canAccess(role, "console")).toBe(expected.console);
    expect(canAccess(role, "admin")).toBe(expected.admin);
  });
});

describe("isStaff / homePathFor", () => {
  it("sends staff to the console and applicants to the portal", () => {
    expect(ROLES.filter(isStaff)).toEqual(["REVIEWER", "SUPERVISOR", "ADMIN"]);
    expect(homePathFor("APPLICANT")).toBe("/portal");
    expect(homePathFor("SUPERVISOR")).toBe("/console");
  });
});
