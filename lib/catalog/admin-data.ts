import "server-only";
import { z } from "zod";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { URGENCY_TIERS, type UrgencyTier } from "./tiers";

/** Every service, inactive ones included, with what the list shows at a glance. Admins only. */
export async function listServicesForAdmin(viewer: Viewer) {
  assertArea(viewer, "admin");
  return db.serviceType.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      baseFeeMinor: true,
      currency: true,
      active: true,
      requiresExpertReview: true,
      sortOrder: true,
      tiers: { where: { available: true }, orderBy: { tier: "asc" }, select: { tier: true } },
      _count: { select: { evidence: true, staff: true } },
    },
  });
}

/**
 * One service as the editor needs it: all three tiers in order (a tier the service never had comes
 * back as `null`, to be created on first save), their node targets, and the evidence list.
 */
export async function findServiceForAdmin(viewer: Viewer, serviceId: string) {
  assertArea(viewer, "admin");
  if (!z.uuid().safeParse(serviceId).success) return null;
  const service = await db.serviceType.findUnique({
    where: { id: serviceId },
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      descriptionZh: true,
      descriptionEn: true,
      baseFeeMinor: true,
      currency: true,
      requiresExpertReview: true,
      active: true,
      sortOrder: true,
      loadThreshold: true,
      updatedAt: true,
      tiers: {
        select: {
          tier: true,
          surchargeMinor: true,
          processingHours: true,
          available: true,
          nodeTargets: { select: { node: true, targetMinutes: true } },
        },
      },
      evidence: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, labelZh: true, labelEn: true, required: true, sortOrder: true },
      },
    },
  });
  if (!service) return null;
  const { tiers, ...rest } = service;
  const byTier = new Map(tiers.map((row) => [row.tier, row]));
  return {
    ...rest,
    tiers: URGENCY_TIERS.map((tier: UrgencyTier) => {
      const row = byTier.get(tier);
      return {
        tier,
        row: row
          ? {
              ...row,
              targets: Object.fromEntries(
                row.nodeTargets.map((target) => [target.node, target.targetMinutes]),
              ),
            }
          : null,
      };
    }),
  };
}

export type AdminService = NonNullable<Awaited<ReturnType<typeof findServiceForAdmin>>>;
