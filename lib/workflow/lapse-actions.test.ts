import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { formData, signedInAs } from "@/lib/testing/action-session";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { lapsedSupplementAction } from "./lapse-actions";
import { requestSupplement } from "./mutations";

// The workspace's action is a public endpoint: it re-checks the session, the input and the viewer.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

withTestDatabase();

const HOUR = 3_600_000;
let serviceId = "";

beforeAll(async () => {
  serviceId = await createTestService();
});

/** Asked for material two hours ago, due an hour ago: lapsed now, at version 1. */
async function lapsedCase() {
  const applicant = await createTestUser("APPLICANT");
  const assignee = await createTestUser("REVIEWER", { locale: "en" });
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId,
    currentNode: "MATERIAL_CHECK",
    status: "IN_PROGRESS",
    assigneeId: assignee.id,
    locale: "en",
  });
  await requestSupplement({
    applicationId: application.id,
    expectedVersion: 0,
    viewer: assignee,
    items: [{ problem: "Missing page" }],
    dueAt: new Date(Date.now() - HOUR),
    now: new Date(Date.now() - 2 * HOUR),
  });
  return { ...application, applicant, assignee };
}

const form = (application: { id: string }, values: Record<string, string>) =>
  formData({ applicationId: application.id, expectedVersion: "1", ...values });
const version = async (id: string) =>
  (await db.application.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe("lapsedSupplementAction", () => {
  it("refuses the applicant, another reviewer and a malformed due time, changing nothing", async () => {
    const application = await lapsedCase();
    await signedInAs({ ...application.applicant, role: "APPLICANT" });
    expect(
      await lapsedSupplementAction(null, form(application, { action: "CLOSE_NOT_PROVIDED" })),
    ).toMatchObject({
      ok: false,
    });
    await signedInAs("REVIEWER");
    expect(
      await lapsedSupplementAction(null, form(application, { action: "CLOSE_NOT_PROVIDED" })),
    ).toMatchObject({
      ok: false,
      message: "case.errors.transitionNotAllowed",
    });
    await signedInAs({ ...application.assignee, role: "REVIEWER" });
    expect(
      await lapsedSupplementAction(
        null,
        form(application, { action: "EXTEND_SUPPLEMENT", dueAt: "next week" }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { dueAt: [expect.any(String)] } });
    expect(await lapsedSupplementAction(null, form(application, { action: "DELETE_CASE" }))).toMatchObject({
      ok: false,
    });
    expect(await version(application.id)).toBe(1);
  });

  it("lets the assignee extend the due time", async () => {
    const application = await lapsedCase();
    await signedInAs({ ...application.assignee, role: "REVIEWER" });
    const dueAt = new Date(Date.now() + 24 * HOUR).toISOString();
    expect(
      await lapsedSupplementAction(null, form(application, { action: "EXTEND_SUPPLEMENT", dueAt })),
    ).toEqual({ ok: true, data: { version: 2 } });
    const request = await db.supplementRequest.findFirstOrThrow({
      where: { applicationId: application.id },
      select: { dueAt: true, status: true },
    });
    expect(request).toEqual({ dueAt: new Date(dueAt), status: "OPEN" });
  });
});
