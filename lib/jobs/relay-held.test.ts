import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { collectingLog, recordingProviders } from "./jobs.fixtures";
import { RELAY_HELD, RELAY_OUTBOX, relayOutbox } from "./tasks";

// Decision 027 through the relay task, the quiet window read from the environment as in production
// (this file's own module graph, so the setting stays here). A minute: far longer than this test.
const saved = process.env.NOTIFICATION_QUIET_SECONDS;
beforeAll(() => void (process.env.NOTIFICATION_QUIET_SECONDS = "60"));
afterAll(() => void (process.env.NOTIFICATION_QUIET_SECONDS = saved));

withTestDatabase();

describe("a relay that leaves messages held", () => {
  it("asks to be woken when the newest is due, not at the next once-a-minute pass", async () => {
    const applicant = await createTestUser("APPLICANT", { locale: "en" });
    const application = await createTestApplication({
      applicantId: applicant.id,
      serviceId: await createTestService(),
      locale: "en",
    });
    const created: Date[] = [];
    for (const node of ["MATERIAL_CHECK", "SUBSTANTIVE_REVIEW"] as const) {
      const row = await db.notification.create({
        data: {
          recipientId: applicant.id,
          applicationId: application.id,
          channel: "EMAIL",
          template: "case.advanced",
          locale: "en",
          payload: { number: application.number, node },
          toAddress: "applicant@test.example",
        },
        select: { createdAt: true },
      });
      created.push(row.createdAt);
    }
    const { providers, sent } = recordingProviders();
    const jobs: unknown[][] = [];
    const helpers = { addJob: async (...args: unknown[]) => void jobs.push(args) } as unknown as JobHelpers;
    await relayOutbox({ providers, log: collectingLog().log, stopping: () => false }, helpers);

    expect(sent).toEqual([]);
    expect(jobs).toEqual([
      [
        RELAY_OUTBOX,
        {},
        { jobKey: RELAY_HELD, runAt: new Date(created[1]!.getTime() + 60_000), maxAttempts: 3 },
      ],
    ]);
  });
});
