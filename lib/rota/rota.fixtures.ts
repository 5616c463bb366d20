// Rows that the rota and handover integration tests arrange directly (tests only). Unique values
// per call, so tests in one file never see each other's services or staff.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role, WorkflowNode } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { parseClock } from "./clock";

export const ZONE = "Asia/Shanghai";

/** A wall-clock time in Shanghai (UTC+8, no daylight saving time): "2026-11-23T10:00" is a Monday. */
export const shanghai = (local: string) => new Date(`${local}:00+08:00`);

export async function makeService() {
  return db.serviceType.create({
    data: {
      code: `rota-${randomUUID()}`,
      nameZh: "服务",
      nameEn: "Service",
      descriptionZh: "",
      descriptionEn: "",
      baseFeeMinor: 100,
    },
    select: { id: true },
  });
}

export async function makeStaff(
  role: Role,
  options: { services?: string[]; active?: boolean; locale?: string } = {},
) {
  const user = await createTestUser(role, { active: options.active ?? true, locale: options.locale ?? "en" });
  for (const serviceId of options.services ?? [])
    await db.staffService.create({ data: { userId: user.id, serviceId } });
  return user;
}

export async function makeShift(weekday: number, start: string, end: string, memberIds: string[]) {
  return db.shift.create({
    data: {
      name: `${start}–${end}`,
      weekday,
      startMinute: parseClock(start)!,
      endMinute: parseClock(end)!,
      members: { create: memberIds.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
}

/** An open case of `serviceId`, optionally assigned. */
export async function makeCase(
  serviceId: string,
  options: { assigneeId?: string; node?: WorkflowNode; applicantId?: string } = {},
) {
  const applicantId = options.applicantId ?? (await createTestUser("APPLICANT")).id;
  return createTestApplication({
    applicantId,
    serviceId,
    assigneeId: options.assigneeId ?? null,
    currentNode: options.node ?? "SUBMITTED",
    locale: "en",
  });
}
