import "server-only";
import { db } from "@/lib/db";

/** The public catalog: anyone may read it, so no authorization beyond "active". */
export function listActiveServices() {
  return db.serviceType.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      descriptionZh: true,
      descriptionEn: true,
      baseFeeMinor: true,
      currency: true,
      tiers: {
        where: { available: true },
        orderBy: { tier: "asc" },
        select: { tier: true, surchargeMinor: true, processingHours: true },
      },
      evidence: {
        orderBy: { sortOrder: "asc" },
        select: { id: true, labelZh: true, labelEn: true, required: true },
      },
    },
  });
}

export type CatalogService = Awaited<ReturnType<typeof listActiveServices>>[number];
