import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// The public catalog: anyone may read it, so no authorization beyond "active".

/** What a service code can look like (admin-schema.ts makes them; the application form checks the same). */
const SERVICE_CODE = /^[a-z0-9-]{1,64}$/;

const SERVICE_SELECT = {
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
    select: { id: true, kind: true, labelZh: true, labelEn: true, required: true },
  },
} satisfies Prisma.ServiceTypeSelect;

export function listActiveServices() {
  return db.serviceType.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: SERVICE_SELECT,
  });
}

/** One active service with its offered tiers and evidence list (the application form's needs). */
export async function findActiveService(code: string) {
  // The code comes from the URL (/portal/apply/<code>): a NUL in it would make Postgres refuse the query.
  if (!SERVICE_CODE.test(code)) return null;
  return db.serviceType.findFirst({ where: { code, active: true }, select: SERVICE_SELECT });
}

export type CatalogService = Awaited<ReturnType<typeof listActiveServices>>[number];
