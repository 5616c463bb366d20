// Arrangements shared by the paging integration tests (tests only). Each world has its own service,
// staff and night shift on its own weekday, so tests never see each other's people on duty.
import { randomUUID } from "node:crypto";
import { buildApplicationSchema } from "@/lib/applications/schema";
import { db } from "@/lib/db";
import type { PagingPreference, UrgencyTier } from "@/lib/generated/prisma/enums";
import { makeShift, shanghai } from "@/lib/rota/rota.fixtures";
import { applicationFormValues, createTestUser } from "@/lib/testing/fixtures";

export const MINUTE = 60_000;
export const ZONE = "Asia/Shanghai";

/** Monday 23 November 2026 + (weekday - 1) days, at `time` in Shanghai. */
export const onDay = (weekday: number, time: string) => shanghai(`2026-11-${22 + weekday}T${time}`);

export async function makePagingStaff(
  role: "REVIEWER" | "SUPERVISOR",
  preference: PagingPreference,
  phone: string | null,
  serviceId?: string,
) {
  const user = await createTestUser(role, { locale: "en", phone, pagingPreference: preference });
  if (serviceId) await db.staffService.create({ data: { userId: user.id, serviceId } });
  return user;
}

/**
 * A service with every tier (no required documents), a reviewer who handles it (email and SMS), a
 * supervisor (SMS only), and a night shift on `weekday` 22:00–06:00 with both on duty.
 */
export async function createPagingWorld(weekday: number) {
  const service = await db.serviceType.create({
    data: {
      code: `page-${randomUUID().slice(0, 8)}`,
      nameZh: "值班提醒测试",
      nameEn: "Paging test",
      descriptionZh: "测试",
      descriptionEn: "Test",
      baseFeeMinor: 100,
      tiers: {
        create: (["STANDARD", "URGENT", "EXPRESS"] as const).map((tier) => ({
          tier,
          processingHours: 72,
          nodeTargets: { create: { node: "MATERIAL_CHECK" as const, targetMinutes: 60 } },
        })),
      },
    },
    select: { id: true, code: true },
  });
  const reviewer = await makePagingStaff("REVIEWER", "BOTH", "+8613800138001", service.id);
  const supervisor = await makePagingStaff("SUPERVISOR", "SMS", "+8613800138002");
  const applicant = await createTestUser("APPLICANT", { locale: "en" });
  await makeShift(weekday, "22:00", "06:00", [reviewer.id, supervisor.id]);
  return { service, reviewer, supervisor, applicant, night: onDay(weekday, "23:00") };
}

/** The parsed form input of an application to `serviceCode` in `tier`. */
export function applicationInput(serviceCode: string, tier: UrgencyTier, now: Date) {
  return buildApplicationSchema(() => now).parse(
    applicationFormValues({ serviceCode, tier, neededBy: "2026-12-10" }),
  );
}

/** The page messages of a case, as "template:channel:recipient→address" sorted. */
export async function pageMessages(applicationId: string) {
  const rows = await db.notification.findMany({
    where: { applicationId, template: { startsWith: "page." } },
    select: { template: true, channel: true, recipientId: true, toAddress: true, payload: true },
  });
  return rows;
}

export const summary = (rows: Awaited<ReturnType<typeof pageMessages>>) =>
  rows.map((row) => `${row.template}:${row.channel}:${row.recipientId}→${row.toAddress}`).sort();

/** The token in a page message's acknowledge link. */
export function tokenOf(row: { payload: unknown }): string {
  const path = (row.payload as { path: string }).path;
  return new URL(path, "http://x").searchParams.get("token")!;
}
