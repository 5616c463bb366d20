import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type ShiftStart, isDayShift } from "./day-shift";

type Client = typeof db | Prisma.TransactionClient;

/**
 * The rota's day-shift starts (weekday and minute only): what nextDayShiftStart needs, on the apply
 * form and at submission. No authorization: these are opening hours, not who works them.
 */
export async function findDayShiftStarts(client: Client = db): Promise<ShiftStart[]> {
  const rows = await client.shift.findMany({
    distinct: ["weekday", "startMinute"],
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
    select: { weekday: true, startMinute: true },
  });
  return rows.filter(isDayShift);
}
