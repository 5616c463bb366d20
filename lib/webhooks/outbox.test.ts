import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/mutations";
import { buildApplicationSchema } from "@/lib/applications/schema";
import { db } from "@/lib/db";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { makeCnResidentId } from "@/lib/identity/id-number";
import { applicationFormValues, createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { handleLapsedSupplement } from "@/lib/workflow/lapse-mutations";
import { performTransition } from "@/lib/workflow/mutations";
import { seedDemoData } from "@/prisma/seed";
import { createClientRow, createTestEndpoint, eventsOf } from "./webhooks.fixtures";

withTestDatabase();

const NOW = new Date("2026-12-05T08:00:00Z");
const HOUR = 3_600_000;
let serviceId = "";

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32), now: NOW });
  serviceId = (await db.serviceType.findUniqueOrThrow({ where: { code: "passport-renewal" } })).id;
});

// Internal endpoints follow every case: each test starts without those of the tests before.
beforeEach(async () => {
  await db.webhookEndpoint.updateMany({ where: { client: { kind: "INTERNAL" } }, data: { disabledAt: NOW } });
});

async function partnerCase(apiClientId: string | null, node: WorkflowNode = "SUBMITTED") {
  const applicant = await createTestUser();
  const row = await createTestApplication({
    applicantId: applicant.id,
    serviceId,
    apiClientId,
    currentNode: node,
    paymentStatus: "PAID",
    submittedAt: new Date(NOW.getTime() - HOUR),
  });
  return { ...row, applicant };
}

describe("events are written with the change, to the endpoints that follow the case", () => {
  it("writes nothing at all for a case nobody follows (no partner, no internal endpoint)", async () => {
    const supervisor = await createTestUser("SUPERVISOR");
    const portal = await partnerCase(null);
    const partner = await createClientRow();
    await createTestEndpoint(partner.id);
    await performTransition({
      applicationId: portal.id,
      expectedVersion: portal.version,
      viewer: supervisor,
      transition: "ADVANCE",
      now: NOW,
    });
    expect(await eventsOf(portal.id)).toEqual([]);
  });

  it("tells the filing partner and internal systems, not other partners, disabled endpoints or other event types", async () => {
    const supervisor = await createTestUser("SUPERVISOR");
    const filer = await createClientRow();
    const other = await createClientRow();
    const internal = await createClientRow("INTERNAL");
    const wanted = await createTestEndpoint(filer.id);
    await createTestEndpoint(filer.id, { disabledAt: NOW });
    await createTestEndpoint(filer.id, { events: ["application.decided"] });
    await createTestEndpoint(other.id);
    const internalEndpoint = await createTestEndpoint(internal.id, { events: ["application.node_changed"] });
    const filed = await partnerCase(filer.id);
    await performTransition({
      applicationId: filed.id,
      expectedVersion: filed.version,
      viewer: supervisor,
      transition: "ADVANCE",
      input: { internalNote: "Staff-only remark: call Mr Zhang at 13800138000", publicNote: "Checked" },
      now: NOW,
    });
    const events = await eventsOf(filed.id);
    expect(events.map((event) => event.type)).toEqual(["application.node_changed"]);
    expect(events[0]!.deliveries.map((d) => d.endpointId).sort()).toEqual(
      [wanted.id, internalEndpoint.id].sort(),
    );
    // The partner API's view of the case and nothing else: no notes, names, contacts or ID numbers.
    expect(events[0]!.payload).toEqual({
      id: events[0]!.id,
      type: "application.node_changed",
      occurredAt: NOW.toISOString(),
      data: {
        application: {
          number: filed.number,
          status: "IN_PROGRESS",
          currentNode: "MATERIAL_CHECK",
          version: filed.version + 1,
          url: `http://localhost:3000/api/v1/applications/${filed.number}`,
        },
      },
    });
    expect(JSON.stringify(events[0]!.payload)).not.toMatch(/Zhang|13800138000|Checked|E\*\*\*\*567/);
  });

  it("tells of a supplement request, a decision and the issued document after the node change, in order", async () => {
    const supervisor = await createTestUser("SUPERVISOR");
    const filer = await createClientRow();
    await createTestEndpoint(filer.id);
    const asked = await partnerCase(filer.id, "MATERIAL_CHECK");
    await performTransition({
      applicationId: asked.id,
      expectedVersion: asked.version,
      viewer: supervisor,
      transition: "REQUEST_SUPPLEMENT",
      input: { items: [{ problem: "The photo is blurred." }], dueAt: new Date(NOW.getTime() + 24 * HOUR) },
      now: NOW,
    });
    expect((await eventsOf(asked.id)).map((event) => event.type)).toEqual([
      "application.node_changed",
      "application.supplement_requested",
    ]);

    const decided = await partnerCase(filer.id, "DECISION");
    const approved = await performTransition({
      applicationId: decided.id,
      expectedVersion: decided.version,
      viewer: supervisor,
      transition: "APPROVE",
      now: NOW,
    });
    await db.evidenceFile.create({
      data: {
        applicationId: decided.id,
        uploaderId: supervisor.id,
        kind: "RESULT_DOCUMENT",
        originalName: "result.pdf",
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: randomUUID(),
        storageKey: randomUUID(),
      },
    });
    await performTransition({
      applicationId: decided.id,
      expectedVersion: approved.version,
      viewer: supervisor,
      transition: "ISSUE_DOCUMENT",
      now: new Date(NOW.getTime() + HOUR),
    });
    const events = await eventsOf(decided.id);
    expect(events.map((event) => event.type)).toEqual([
      "application.node_changed",
      "application.decided",
      "application.node_changed",
      "application.document_issued",
    ]);
    expect(
      events.map(
        (event) => (event.payload as { data: { application: { status: string } } }).data.application.status,
      ),
    ).toEqual(["APPROVED", "APPROVED", "COMPLETED", "COMPLETED"]);
  });

  it("tells of a case closed because the supplement never came as a decision", async () => {
    const supervisor = await createTestUser("SUPERVISOR");
    const filer = await createClientRow();
    await createTestEndpoint(filer.id);
    const filed = await partnerCase(filer.id, "AWAITING_SUPPLEMENT");
    await db.application.update({ where: { id: filed.id }, data: { status: "AWAITING_APPLICANT" } });
    await db.supplementRequest.create({
      data: {
        applicationId: filed.id,
        requestedById: supervisor.id,
        dueAt: new Date(NOW.getTime() - HOUR),
        fromNode: "MATERIAL_CHECK",
        createdAt: new Date(NOW.getTime() - 48 * HOUR),
      },
    });
    await handleLapsedSupplement({
      applicationId: filed.id,
      expectedVersion: filed.version,
      viewer: supervisor,
      action: "CLOSE_NOT_PROVIDED",
      now: NOW,
    });
    expect((await eventsOf(filed.id)).map((event) => event.type)).toEqual([
      "application.node_changed",
      "application.decided",
    ]);
  });

  it("writes no event when the transition rolls back after writing it", async () => {
    const supervisor = await createTestUser("SUPERVISOR");
    const filer = await createClientRow();
    await createTestEndpoint(filer.id);
    const filed = await partnerCase(filer.id);
    // The timeline row is written after the events: make exactly this case's insert fail.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_timeline() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.application_id = '${filed.id}'::uuid THEN RAISE EXCEPTION 'timeline refused'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(
      "CREATE TRIGGER test_fail_timeline BEFORE INSERT ON timeline_event FOR EACH ROW EXECUTE FUNCTION test_fail_timeline()",
    );
    try {
      await expect(
        performTransition({
          applicationId: filed.id,
          expectedVersion: filed.version,
          viewer: supervisor,
          transition: "ADVANCE",
          now: NOW,
        }),
      ).rejects.toThrow(/timeline refused/);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER test_fail_timeline ON timeline_event");
    }
    expect(await eventsOf(filed.id)).toEqual([]);
    expect(await db.webhookDelivery.count({ where: { applicationId: filed.id } })).toBe(0);
  });

  it("tells internal systems of every submission, in the submission's transaction", async () => {
    const internal = await createClientRow("INTERNAL");
    const endpoint = await createTestEndpoint(internal.id, { events: ["application.submitted"] });
    const applicant = await createTestUser("APPLICANT", { locale: "zh" });
    const evidence = await Promise.all(
      (["ID_PROOF", "OTHER", "URGENCY_PROOF"] as const).map((kind) =>
        db.evidenceFile.create({
          data: {
            uploaderId: applicant.id,
            kind,
            originalName: `${kind}.pdf`,
            mimeType: "application/pdf",
            sizeBytes: 1000,
            sha256: randomUUID(),
            storageKey: randomUUID(),
          },
          select: { id: true },
        }),
      ),
    );
    const input = buildApplicationSchema().parse(
      applicationFormValues({
        idType: "CN_RESIDENT_ID",
        idNumber: makeCnResidentId("44030519851122771"),
        evidenceIds: evidence.map((file) => file.id),
      }),
    );
    const created = await createApplication(applicant, input);
    const events = await eventsOf(created.id);
    expect(events.map((event) => [event.type, event.deliveries.map((d) => d.endpointId)])).toEqual([
      ["application.submitted", [endpoint.id]],
    ]);
    expect(JSON.stringify(events[0]!.payload)).not.toMatch(/王小明|contact@test|8613800138000|4403/);
  });
});
