import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { getRefundsByCause } from "./data";
import { createDashboardService, filtersFor } from "./dashboard.fixtures";

withTestDatabase();

describe("refunds by cause", () => {
  it("counts and sums the refunds of the cases in scope per cause, with those not yet paid out", async () => {
    const [service, other] = await Promise.all([createDashboardService(), createDashboardService()]);
    const applicant = await createTestUser("APPLICANT");
    const supervisor = await createTestUser("SUPERVISOR");
    const submittedAt = new Date("2026-08-03T04:00:00Z");
    const refund = async (
      serviceId: string,
      cause: "MISSED_PROMISE" | "WAIVED",
      amountMinor: number,
      done: boolean,
    ) => {
      const application = await createTestApplication({ applicantId: applicant.id, serviceId, submittedAt });
      await db.refund.create({
        data: {
          applicationId: application.id,
          cause,
          amountMinor,
          currency: "CNY",
          status: done ? "DONE" : "PENDING",
          idempotencyKey: `refund:${application.id}:${cause}`,
          nextAttemptAt: submittedAt,
          requestedAt: submittedAt,
        },
      });
    };
    await refund(service.id, "MISSED_PROMISE", 5_000, true);
    await refund(service.id, "MISSED_PROMISE", 3_000, false);
    await refund(service.id, "WAIVED", 15_000, true);
    await refund(other.id, "WAIVED", 99_000, true);

    const rows = await getRefundsByCause(supervisor, filtersFor("2026-08-03", "2026-08-03", service.id));
    expect(rows).toEqual([
      { cause: "MISSED_PROMISE", currency: "CNY", count: 2, amountMinor: 8_000, pending: 1 },
      { cause: "WITHDRAWN", currency: "CNY", count: 0, amountMinor: 0, pending: 0 },
      { cause: "DOWNGRADED", currency: "CNY", count: 0, amountMinor: 0, pending: 0 },
      { cause: "WAIVED", currency: "CNY", count: 1, amountMinor: 15_000, pending: 0 },
      { cause: "MANUAL", currency: "CNY", count: 0, amountMinor: 0, pending: 0 },
    ]);
    await expect(
      getRefundsByCause(await createTestUser("REVIEWER"), filtersFor("2026-08-03", "2026-08-03")),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});
