import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formData, revalidated, signedInAs } from "@/lib/testing/action-session";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { withdrawApplication } from "./actions";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

withTestDatabase();

let serviceId = "";

beforeAll(async () => {
  serviceId = await createTestService();
});

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
  revalidated();
});

describe("the applicant's workflow actions", () => {
  it("withdraw the case and refresh its page and the applicant's list; a stale version refreshes nothing", async () => {
    const applicant = await createTestUser("APPLICANT");
    const application = await createTestApplication({
      applicantId: applicant.id,
      serviceId,
      currentNode: "SUBSTANTIVE_REVIEW",
    });
    await signedInAs(applicant);
    const withdraw = (expectedVersion: string) =>
      withdrawApplication(
        null,
        formData({ applicationId: application.id, expectedVersion, reason: "Plans changed" }),
      );

    expect(await withdraw("0")).toEqual({ ok: true, data: { version: 1 } });
    // Without these the case page keeps offering "withdraw" and the list shows the case as open.
    expect(revalidated()).toEqual([[`/portal/applications/${application.number}`], ["/portal"]]);
    expect(await db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "WITHDRAWN",
    });

    expect(await withdraw("0")).toMatchObject({ ok: false });
    expect(revalidated()).toEqual([]);
  });
});
