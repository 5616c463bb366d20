import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionExpired } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { acknowledge, endShift } from "./actions";
import { CHECKLIST_ITEMS } from "./schema";
import { formData, revalidated, signedInAs } from "@/lib/testing/action-session";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  }),
}));

withTestDatabase();

const ticked = { checklist: [...CHECKLIST_ITEMS], note: "All quiet", scope: "all" };

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
});

describe("handover actions", () => {
  it.each<Role | null>([null, "APPLICANT", "ADMIN"])("refuse %s before doing anything", async (role) => {
    await signedInAs(role);
    // Without a session the answer is "sign in again" (lib/action-result.ts), otherwise "not allowed".
    const refused = role === null ? sessionExpired() : { ok: false, message: "errors.notAuthorized" };
    expect(await endShift(null, formData(ticked))).toEqual(refused);
    expect(await acknowledge(null, formData({ handoverId: "00000000-0000-4000-8000-000000000000" }))).toEqual(
      refused,
    );
  });

  it("refuse an incomplete checklist, then end the shift and let a colleague acknowledge it", async () => {
    const author = await signedInAs("REVIEWER");
    const before = await db.handover.count();
    expect(await endShift(null, formData({ ...ticked, checklist: [CHECKLIST_ITEMS[0]] }))).toEqual({
      ok: false,
      message: "errors.checkFields",
      fieldErrors: { checklist: ["rota.handover.errors.checklistIncomplete"] },
    });
    expect(await db.handover.count()).toBe(before);
    revalidated();

    const url = await endShift(null, formData({ ...ticked, incidents: "Quiet" })).catch(
      (error: { url: string }) => error.url,
    );
    const handoverId = /^\/console\/handover\/([0-9a-f-]+)\?submitted=1$/.exec(String(url))?.[1];
    expect(
      await db.handover.findUniqueOrThrow({
        where: { id: handoverId },
        select: { authorId: true, incidents: true },
      }),
    ).toEqual({ authorId: author!.id, incidents: "Quiet" });
    // Cases changed hands: the queue and every case page under /console show the new assignee.
    expect(revalidated()).toEqual([["/console", "layout"]]);

    expect(await acknowledge(null, formData({ handoverId: handoverId! }))).toEqual({
      ok: false,
      message: "rota.handover.errors.ownHandover",
    });
    const colleague = await signedInAs("SUPERVISOR");
    expect(await acknowledge(null, formData({ handoverId: handoverId! }))).toEqual({
      ok: true,
      data: { handoverId },
    });
    expect(
      await db.handover.findUniqueOrThrow({ where: { id: handoverId }, select: { acknowledgedById: true } }),
    ).toEqual({ acknowledgedById: colleague!.id });
  });

  it("refresh the form, and nothing else, when a selected case was taken from the author meanwhile", async () => {
    await signedInAs("REVIEWER");
    const applicant = await createTestUser("APPLICANT");
    const colleague = await createTestUser("REVIEWER");
    const taken = await createTestApplication({
      applicantId: applicant.id,
      serviceId: await createTestService(),
      assigneeId: colleague.id,
    });
    revalidated();
    // The form was loaded while the case was still the author's.
    expect(
      await endShift(null, formData({ ...ticked, scope: "selected", caseId: [taken.id] })),
    ).toMatchObject({
      ok: false,
      message: "rota.handover.errors.casesChanged",
    });
    // Without the refresh the form would keep offering the old list and refuse again on every submit.
    expect(revalidated()).toEqual([["/console/handover"]]);
  });
});
