import type { PrismaClient } from "../../lib/generated/prisma/client";
import { STANDARD_SHIFTS, WEEKDAYS } from "../../lib/rota/schema";

/** Demo shift names (stored in Chinese; the standard names show in the viewer's language, lib/rota/shift-name.ts) and who works them, by email. */
const DEMO_SHIFTS = {
  day: { name: "白班", members: ["reviewer1@expedite.test", "supervisor@expedite.test"] },
  evening: { name: "晚班", members: ["reviewer1@expedite.test", "supervisor@expedite.test"] },
  night: { name: "夜班", members: ["reviewer2@expedite.test"] },
} as const;

/**
 * The standard three shifts on every weekday, round the clock. Only on a first seed (no shift at
 * all): npm start seeds every time and must not undo a supervisor's rota.
 */
export async function seedRota(db: PrismaClient, users: Map<string, string>) {
  if ((await db.shift.count()) > 0) return;
  for (const weekday of WEEKDAYS) {
    for (const shift of STANDARD_SHIFTS) {
      const demo = DEMO_SHIFTS[shift.key];
      await db.shift.create({
        data: {
          name: demo.name,
          weekday,
          startMinute: shift.startMinute,
          endMinute: shift.endMinute,
          members: { create: demo.members.map((email) => ({ userId: users.get(email)! })) },
        },
      });
    }
  }
}
