// Test-only arrangements shared by the overdue watch's integration tests (not imported by the app).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { localTime } from "@/lib/rota/shift-time";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";

export const MINUTE = 60_000;
/** The tests' clock starts here; shifts are laid out around it in the rota's zone. */
export const T0 = new Date("2030-01-07T02:00:00.000Z");
export const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
/** Node targets of the test service's URGENT tier, in minutes. */
export const TARGETS = { MATERIAL_CHECK: 120, SUBSTANTIVE_REVIEW: 240 } as const;

export type SlaWorld = {
  serviceId: string;
  applicant: { id: string };
  reviewer: { id: string; role: "REVIEWER" };
  /** In a shift from an hour before T0 to the end of that (local) day. */
  onDuty: { id: string; role: "SUPERVISOR" };
  /** Active, in no shift: alerted only when nobody is on duty. */
  offDuty: { id: string; role: "SUPERVISOR" };
};

/** A service with node targets, an applicant, a reviewer, and two supervisors of whom one is on duty around T0. */
export async function createSlaWorld(): Promise<SlaWorld> {
  const service = await db.serviceType.create({
    data: {
      code: `sla-${randomUUID().slice(0, 8)}`,
      nameZh: "时限测试",
      nameEn: "SLA test",
      descriptionZh: "测试",
      descriptionEn: "Test",
      baseFeeMinor: 100,
      tiers: {
        create: {
          tier: "URGENT",
          processingHours: 48,
          nodeTargets: {
            create: Object.entries(TARGETS).map(([node, targetMinutes]) => ({
              node: node as keyof typeof TARGETS,
              targetMinutes,
            })),
          },
        },
      },
    },
    select: { id: true },
  });
  const [applicant, reviewer, onDuty, offDuty] = await Promise.all([
    createTestUser("APPLICANT", { locale: "en" }),
    createTestUser("REVIEWER", { locale: "en" }),
    createTestUser("SUPERVISOR"),
    createTestUser("SUPERVISOR"),
  ]);
  const start = localTime(T0, serverEnv().ROTA_TIME_ZONE);
  await db.shift.create({
    data: {
      name: "SLA test shift",
      weekday: start.weekday,
      startMinute: start.minute - 60,
      endMinute: 24 * 60,
      members: { create: { userId: onDuty.id } },
    },
  });
  return {
    serviceId: service.id,
    applicant,
    reviewer: { id: reviewer.id, role: "REVIEWER" },
    onDuty: { id: onDuty.id, role: "SUPERVISOR" },
    offDuty: { id: offDuty.id, role: "SUPERVISOR" },
  };
}

/** An open case in material check, entered at T0 and due at T0 + 120 min, nowhere near its needed-by date. */
export function openCase(
  world: SlaWorld,
  overrides: Omit<Parameters<typeof createTestApplication>[0], "applicantId" | "serviceId"> = {},
) {
  return createTestApplication({
    applicantId: world.applicant.id,
    serviceId: world.serviceId,
    locale: "en",
    status: "IN_PROGRESS",
    currentNode: "MATERIAL_CHECK",
    submittedAt: T0,
    nodeEnteredAt: T0,
    nodeDueAt: at(TARGETS.MATERIAL_CHECK),
    caseDueAt: at(48 * 60),
    neededBy: at(30 * 24 * 60),
    ...overrides,
  });
}

/** The watch's notices of one case, as [template, channel, recipient] sorted for comparison. */
export async function watchNotices(applicationId: string) {
  const rows = await db.notification.findMany({
    where: {
      applicationId,
      template: { in: ["sla.warning", "sla.overdue", "sla.deadlineRisk", "case.expedited"] },
    },
    orderBy: [{ createdAt: "asc" }, { template: "asc" }, { channel: "asc" }, { recipientId: "asc" }],
    select: { template: true, channel: true, recipientId: true, payload: true, createdAt: true },
  });
  return rows;
}

export async function auditActions(applicationId: string) {
  const rows = await db.auditLog.findMany({
    where: { entityType: "application", entityId: applicationId, action: { startsWith: "sla." } },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true },
  });
  return rows;
}
