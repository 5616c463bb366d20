import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { removeEvidence, saveService, saveTier } from "./actions";
import { formData, revalidated, signedInAs } from "@/lib/testing/action-session";

// The actions read the session themselves: stand in for it, and for Next's request-bound helpers.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

withTestDatabase();

async function makeService() {
  return db.serviceType.create({
    data: {
      code: `svc-${randomUUID()}`,
      nameZh: "服务",
      nameEn: "Service",
      descriptionZh: "",
      descriptionEn: "",
      baseFeeMinor: 100,
      evidence: { create: { kind: "OTHER", labelZh: "甲", labelEn: "A" } },
    },
    select: { id: true, evidence: { select: { id: true } } },
  });
}

const tierForm = (serviceId: string, targets: Record<string, string>) =>
  formData({
    serviceId,
    tier: "EXPRESS",
    surchargeMinor: "300.00",
    processingHours: "24",
    available: "on",
    ...Object.fromEntries(Object.entries(targets).map(([node, value]) => [`targets.${node}`, value])),
  });

describe("catalog actions", () => {
  it("refuse an applicant's session and change nothing", async () => {
    await signedInAs("APPLICANT");
    const service = await makeService();
    const results = [
      await saveService(
        null,
        formData({
          serviceId: service.id,
          nameZh: "改",
          nameEn: "Hacked",
          baseFeeMinor: "0.01",
          sortOrder: "0",
          active: "on",
        }),
      ),
      await saveTier(null, tierForm(service.id, { DECISION: "1" })),
      await removeEvidence(null, formData({ requirementId: service.evidence[0]!.id })),
    ];
    for (const result of results) expect(result).toEqual({ ok: false, message: "errors.notAuthorized" });
    expect(
      await db.serviceType.findUniqueOrThrow({
        where: { id: service.id },
        select: { nameEn: true, baseFeeMinor: true, _count: { select: { tiers: true, evidence: true } } },
      }),
    ).toEqual({
      nameEn: "Service",
      baseFeeMinor: 100,
      _count: { tiers: 0, evidence: 1 },
    });
  });

  it("let an admin save an express tier's node targets, with field errors per node", async () => {
    await signedInAs("ADMIN");
    const service = await makeService();
    expect(await saveTier(null, tierForm(service.id, { DECISION: "2000", MATERIAL_CHECK: "soon" }))).toEqual({
      ok: false,
      message: "errors.checkFields",
      fieldErrors: { "targets.MATERIAL_CHECK": ["admin.catalog.errors.targetInvalid"] },
    });
    expect(await saveTier(null, tierForm(service.id, { DECISION: "2000" }))).toEqual({
      ok: false,
      message: "errors.checkFields",
      fieldErrors: { "targets.DECISION": ["admin.catalog.errors.targetTooLong"] },
    });
    revalidated();
    expect(await saveTier(null, tierForm(service.id, { DECISION: "90", SUBMITTED: "" }))).toEqual({
      ok: true,
      data: { changed: 4 },
    });
    // The admin pages and the public pages that quote fees and tiers.
    expect(revalidated()).toEqual([
      ["/console/admin/services"],
      [`/console/admin/services/${service.id}`],
      ["/services"],
      ["/portal/apply", "layout"],
    ]);
    const tier = await db.serviceTier.findFirstOrThrow({
      where: { serviceId: service.id, tier: "EXPRESS" },
      select: { surchargeMinor: true, nodeTargets: { select: { node: true, targetMinutes: true } } },
    });
    expect(tier).toEqual({ surchargeMinor: 30000, nodeTargets: [{ node: "DECISION", targetMinutes: 90 }] });
  });
});
