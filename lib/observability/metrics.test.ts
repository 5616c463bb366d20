import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { db } from "@/lib/db";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { sample } from "@/lib/testing/metrics-text";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { recordJobRun, resetMetrics } from "./metrics";

withTestDatabase();

const TOKEN = "metrics-token-for-the-test-0123456789";

function scrape(authorization?: string) {
  return GET(
    new Request("http://localhost/api/metrics", {
      headers: authorization ? { authorization } : {},
    }),
  );
}

beforeEach(() => {
  resetMetrics();
  process.env.METRICS_TOKEN = TOKEN;
});

afterEach(() => {
  delete process.env.METRICS_TOKEN;
});

async function notification(
  status: "PENDING" | "SENT" | "FAILED",
  channel: "EMAIL" | "SMS",
  ageSeconds: number,
) {
  await db.notification.create({
    data: {
      channel,
      template: "test.metrics",
      status,
      toAddress: channel === "EMAIL" ? `${randomUUID()}@test.example` : "+8613800000000",
      createdAt: new Date(Date.now() - ageSeconds * 1000),
    },
  });
}

describe("/api/metrics", () => {
  it("shows the outbox backlog, its oldest age, failed messages and open and overdue cases", async () => {
    await notification("PENDING", "EMAIL", 30);
    await notification("PENDING", "EMAIL", 600);
    await notification("PENDING", "SMS", 5);
    await notification("SENT", "EMAIL", 3600);
    await notification("FAILED", "SMS", 100);
    await notification("FAILED", "SMS", 100);
    const applicant = await createTestUser();
    const serviceId = await createTestService();
    const base = { applicantId: applicant.id, serviceId, currentNode: "SUBSTANTIVE_REVIEW" as const };
    const past = new Date(Date.now() - 3_600_000);
    const future = new Date(Date.now() + 3_600_000);
    await createTestApplication({ ...base, status: "IN_PROGRESS", nodeDueAt: past });
    await createTestApplication({ ...base, status: "IN_PROGRESS", nodeDueAt: future });
    await createTestApplication({ ...base, status: "COMPLETED", nodeDueAt: past, closedAt: past });
    // Waiting for the applicant is never overdue for staff.
    await createTestApplication({
      ...base,
      currentNode: "AWAITING_SUPPLEMENT",
      status: "AWAITING_APPLICANT",
      nodeDueAt: past,
    });
    recordJobRun("sla-watch", "ok", 0.2);
    recordJobRun("sla-watch", "failed", 1.5);

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const web = { process_type: "web" };
    expect(sample(text, "expedite_database_metrics_up", web)).toBe(1);
    expect(sample(text, "expedite_outbox_pending_messages", { channel: "EMAIL", ...web })).toBe(2);
    expect(sample(text, "expedite_outbox_pending_messages", { channel: "SMS" })).toBe(1);
    expect(sample(text, "expedite_outbox_pending_messages", { channel: "IN_APP" })).toBe(0);
    const oldest = sample(text, "expedite_outbox_oldest_pending_age_seconds")!;
    expect(oldest).toBeGreaterThanOrEqual(600);
    expect(oldest).toBeLessThan(3600);
    expect(sample(text, "expedite_notifications_failed", { channel: "SMS" })).toBe(2);
    expect(sample(text, "expedite_notifications_failed", { channel: "EMAIL" })).toBe(0);
    expect(sample(text, "expedite_cases_open", { node: "SUBSTANTIVE_REVIEW" })).toBe(2);
    expect(sample(text, "expedite_cases_overdue", { node: "SUBSTANTIVE_REVIEW" })).toBe(1);
    expect(sample(text, "expedite_cases_open", { node: "AWAITING_SUPPLEMENT" })).toBe(1);
    expect(sample(text, "expedite_cases_overdue", { node: "AWAITING_SUPPLEMENT" })).toBe(0);
    expect(sample(text, "expedite_cases_open", { node: "DECISION" })).toBe(0);
    expect(sample(text, "expedite_job_runs_total", { task: "sla-watch", outcome: "failed" })).toBe(1);
    expect(sample(text, "expedite_job_duration_seconds_count", { task: "sla-watch" })).toBe(1);
    // The process's own metrics, and the scrape's own request in the handler histogram next time.
    expect(sample(text, "process_cpu_user_seconds_total", web)).toBeGreaterThan(0);
    const again = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(
      sample(again, "expedite_handler_duration_seconds_count", {
        kind: "route",
        name: "metrics",
        outcome: "ok",
      }),
    ).toBe(1);
  });

  it("refuses without the token, with a wrong one, and does not exist while none is set", async () => {
    for (const authorization of [undefined, TOKEN, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, "Bearer "]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("expedite_");
    }
    delete process.env.METRICS_TOKEN;
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("expedite_");
  });
});
