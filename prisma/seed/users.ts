import type { Role } from "../../lib/generated/prisma/enums";

export const DEMO_PASSWORD = "expedite-demo-2026";

export const DEMO_USERS: { email: string; displayName: string; role: Role; locale: string }[] = [
  { email: "admin@expedite.test", displayName: "管理员 Admin", role: "ADMIN", locale: "zh" },
  { email: "supervisor@expedite.test", displayName: "周主管 Zhou", role: "SUPERVISOR", locale: "zh" },
  { email: "reviewer1@expedite.test", displayName: "李审核 Li", role: "REVIEWER", locale: "zh" },
  { email: "reviewer2@expedite.test", displayName: "Sam Reviewer", role: "REVIEWER", locale: "en" },
  { email: "applicant@expedite.test", displayName: "王小明", role: "APPLICANT", locale: "zh" },
];

/** Which services each demo reviewer handles (by service code); null: all of them. */
export const DEMO_STAFF_SERVICES: Record<string, readonly string[] | null> = {
  "reviewer1@expedite.test": null,
  "reviewer2@expedite.test": ["passport-renewal", "medical-appointment", "software-bug-fix"],
};
