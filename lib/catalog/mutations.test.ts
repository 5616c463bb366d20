import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { findServiceForAdmin, listServicesForAdmin } from "./admin-data";
import { updateTierSchema, type UpdateServiceInput } from "./admin-schema";
import {
  addEvidenceRequirement,
  createService,
  moveEvidenceRequirement,
  removeEvidenceRequirement,
  updateEvidenceRequirement,
  updateService,
  updateTier,
} from "./mutations";

withTestDatabase();

async function makeService(requiresExpertReview = false) {
  return db.serviceType.create({
    data: {
      code: `svc-${randomUUID()}`,
      nameZh: "服务",
      nameEn: "Service",
      descriptionZh: "说明",
      descriptionEn: "About",
      baseFeeMinor: 12000,
      requiresExpertReview,
      tiers: {
        create: {
          tier: "STANDARD",
          processingHours: 240,
          nodeTargets: {
            create: [
              { node: "MATERIAL_CHECK", targetMinutes: 600 },
              { node: "EXPERT_REVIEW", targetMinutes: 900 },
            ],
          },
        },
      },
    },
    select: { id: true, code: true },
  });
}

const serviceInput = (
  serviceId: string,
  overrides: Partial<UpdateServiceInput> = {},
): UpdateServiceInput => ({
  serviceId,
  nameZh: "服务",
  nameEn: "Service",
  descriptionZh: "说明",
  descriptionEn: "About",
  baseFeeMinor: 12000,
  requiresExpertReview: false,
  active: true,
  sortOrder: 0,
  ...overrides,
});

const tierInput = (serviceId: string, raw: Record<string, unknown>) =>
  updateTierSchema.parse({
    serviceId,
    tier: "STANDARD",
    surchargeMinor: "0",
    processingHours: "240",
    available: "on",
    targets: {},
    ...raw,
  });
const auditFor = (serviceId: string) =>
  db.auditLog.findMany({
    where: { entityType: "service", entityId: serviceId },
    orderBy: { id: "asc" },
    select: { actorId: true, action: true, details: true },
  });
const evidenceOf = async (serviceId: string) =>
  (
    await db.evidenceRequirement.findMany({
      where: { serviceId },
      orderBy: { sortOrder: "asc" },
      select: { labelEn: true, sortOrder: true },
    })
  ).map((row) => `${row.sortOrder}:${row.labelEn}`);

let admin: Viewer;
beforeEach(async () => {
  admin = await createTestUser("ADMIN");
});

describe("catalog admin area", () => {
  it.each<Role>(["REVIEWER", "SUPERVISOR", "APPLICANT"])(
    "refuses a %s every catalog admin read and write",
    async (role) => {
      const viewer = await createTestUser(role);
      const service = await makeService();
      const requirement = await db.evidenceRequirement.create({
        data: { serviceId: service.id, kind: "OTHER", labelZh: "甲", labelEn: "A" },
        select: { id: true },
      });
      const evidence = { kind: "OTHER" as const, labelZh: "乙", labelEn: "B", required: true };
      const calls = [
        () => listServicesForAdmin(viewer),
        () => findServiceForAdmin(viewer, service.id),
        () =>
          createService(viewer, {
            code: `x-${randomUUID()}`,
            nameZh: "新",
            nameEn: "New",
            descriptionZh: "",
            descriptionEn: "",
            baseFeeMinor: 1,
            requiresExpertReview: false,
            sortOrder: 0,
            processingHours: 24,
          }),
        () => updateService(viewer, serviceInput(service.id, { baseFeeMinor: 1 })),
        () => updateTier(viewer, tierInput(service.id, { surchargeMinor: "1" })),
        () => addEvidenceRequirement(viewer, { serviceId: service.id, ...evidence }),
        () => updateEvidenceRequirement(viewer, { requirementId: requirement.id, ...evidence }),
        () => removeEvidenceRequirement(viewer, requirement.id),
        () => moveEvidenceRequirement(viewer, { requirementId: requirement.id, direction: "down" }),
      ];
      for (const call of calls) await expect(call()).rejects.toBeInstanceOf(NotAuthorizedError);
      expect((await db.serviceType.findUniqueOrThrow({ where: { id: service.id } })).baseFeeMinor).toBe(
        12000,
      );
      expect(await auditFor(service.id)).toEqual([]);
    },
  );
});

describe("updateService", () => {
  it("saves the fields and audits only what changed", async () => {
    const service = await makeService();
    expect(await updateService(admin, serviceInput(service.id))).toEqual({ changed: 0 });
    expect(
      await updateService(
        admin,
        serviceInput(service.id, { baseFeeMinor: 15050, nameEn: "Renamed", active: false }),
      ),
    ).toEqual({ changed: 3 });
    expect(
      await db.serviceType.findUniqueOrThrow({
        where: { id: service.id },
        select: { baseFeeMinor: true, nameEn: true, active: true },
      }),
    ).toEqual({ baseFeeMinor: 15050, nameEn: "Renamed", active: false });
    expect(await auditFor(service.id)).toEqual([
      {
        actorId: admin.id,
        action: "catalog.serviceUpdated",
        details: {
          code: service.code,
          changes: {
            baseFeeMinor: { from: 12000, to: 15050 },
            nameEn: { from: "Service", to: "Renamed" },
            active: { from: true, to: false },
          },
        },
      },
    ]);
    await expect(updateService(admin, serviceInput(randomUUID()))).rejects.toMatchObject({
      messageKey: "admin.catalog.errors.notFound",
    });
  });

  it("creates a service inactive with a standard tier, and refuses a taken code", async () => {
    const code = `new-${randomUUID()}`;
    const input = {
      code,
      nameZh: "新服务",
      nameEn: "New service",
      descriptionZh: "",
      descriptionEn: "",
      baseFeeMinor: 5000,
      requiresExpertReview: false,
      sortOrder: 9,
      processingHours: 72,
    };
    const { id } = await createService(admin, input);
    const view = await findServiceForAdmin(admin, id);
    expect(view).toMatchObject({ code, active: false, baseFeeMinor: 5000 });
    expect(view!.tiers.map((tier) => [tier.tier, tier.row?.processingHours ?? null])).toEqual([
      ["STANDARD", 72],
      ["URGENT", null],
      ["EXPRESS", null],
    ]);
    await expect(createService(admin, input)).rejects.toMatchObject({
      fieldErrors: { code: ["admin.catalog.errors.codeTaken"] },
    });
  });
});

describe("updateTier", () => {
  it("saves a tier with its node targets; a blank target removes it", async () => {
    const service = await makeService(true);
    await updateTier(
      admin,
      tierInput(service.id, {
        surchargeMinor: "12.5",
        processingHours: "200",
        targets: { SUBMITTED: "30", MATERIAL_CHECK: "", EXPERT_REVIEW: "900" },
      }),
    );
    const tier = (await findServiceForAdmin(admin, service.id))!.tiers[0]!;
    expect(tier.row).toMatchObject({
      surchargeMinor: 1250,
      processingHours: 200,
      available: true,
      targets: { SUBMITTED: 30, EXPERT_REVIEW: 900 },
    });
    expect(await auditFor(service.id)).toEqual([
      {
        actorId: admin.id,
        action: "catalog.tierUpdated",
        details: {
          code: service.code,
          tier: "STANDARD",
          changes: {
            surchargeMinor: { from: 0, to: 1250 },
            processingHours: { from: 240, to: 200 },
            "targets.SUBMITTED": { from: null, to: 30 },
            "targets.MATERIAL_CHECK": { from: 600, to: null },
          },
        },
      },
    ]);
  });

  it("creates a tier the service did not offer, and leaves expert review alone where it does not apply", async () => {
    const service = await makeService(false);
    await updateTier(
      admin,
      tierInput(service.id, {
        tier: "EXPRESS",
        surchargeMinor: "300",
        processingHours: "24",
        targets: { DECISION: "120", EXPERT_REVIEW: "60" },
      }),
    );
    await updateTier(admin, tierInput(service.id, { targets: { MATERIAL_CHECK: "600", EXPERT_REVIEW: "" } }));
    const tiers = (await findServiceForAdmin(admin, service.id))!.tiers;
    expect(tiers[2]!.row).toMatchObject({
      surchargeMinor: 30000,
      processingHours: 24,
      targets: { DECISION: 120 },
    });
    expect(tiers[0]!.row!.targets).toEqual({ MATERIAL_CHECK: 600, EXPERT_REVIEW: 900 });
    expect((await auditFor(service.id)).map((row) => row.action)).toEqual(["catalog.tierUpdated"]);
  });
});

describe("evidence requirements", () => {
  it("adds, edits, reorders and removes, keeping the order without gaps", async () => {
    const service = await makeService();
    const add = (labelEn: string) =>
      addEvidenceRequirement(admin, {
        serviceId: service.id,
        kind: "OTHER",
        labelZh: labelEn,
        labelEn,
        required: true,
      });
    const [a, b, c] = [await add("A"), await add("B"), await add("C")];
    await moveEvidenceRequirement(admin, { requirementId: c.id, direction: "up" });
    await moveEvidenceRequirement(admin, { requirementId: a.id, direction: "up" });
    expect(await evidenceOf(service.id)).toEqual(["0:A", "1:C", "2:B"]);
    await removeEvidenceRequirement(admin, a.id);
    await updateEvidenceRequirement(admin, {
      requirementId: b.id,
      kind: "URGENCY_PROOF",
      labelZh: "乙",
      labelEn: "B",
      required: false,
    });
    expect(await evidenceOf(service.id)).toEqual(["0:C", "1:B"]);
    expect(
      await db.evidenceRequirement.findUniqueOrThrow({
        where: { id: b.id },
        select: { kind: true, required: true },
      }),
    ).toEqual({ kind: "URGENCY_PROOF", required: false });
    expect((await auditFor(service.id)).map((row) => row.action)).toEqual([
      "catalog.evidenceAdded",
      "catalog.evidenceAdded",
      "catalog.evidenceAdded",
      "catalog.evidenceReordered",
      "catalog.evidenceRemoved",
      "catalog.evidenceUpdated",
    ]);
    await expect(removeEvidenceRequirement(admin, a.id)).rejects.toMatchObject({
      messageKey: "admin.catalog.errors.notFound",
    });
  });
});
