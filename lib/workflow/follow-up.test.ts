import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionExpired } from "@/lib/action-result";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ApplicationStatus, Role, WorkflowNode } from "@/lib/generated/prisma/enums";
import { listNotifications } from "@/lib/notifications/inbox-data";
import { revalidated } from "@/lib/testing/action-session";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { requestFollowUp } from "./actions";
import { CaseNotFoundError, ConcurrentChangeError, TransitionNotAllowedError } from "./errors";
import { FollowUpNotLateError, FollowUpTooSoonError, requestCaseFollowUp } from "./operation-mutations";

// The action reads the session itself: stand in for it, and for Next's request-bound cache.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

withTestDatabase();

const NOW = new Date("2026-11-21T08:00:00Z");
const HOUR = 3_600_000;
let serviceId = "";

beforeAll(async () => {
  serviceId = await createTestService();
});

beforeEach(() => vi.mocked(getCurrentUser).mockReset());

async function makeCase(
  options: { assignee?: Viewer; status?: ApplicationStatus; node?: WorkflowNode; nodeDueAt?: Date } = {},
) {
  const applicant = await createTestUser("APPLICANT");
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId,
    currentNode: options.node ?? "SUBSTANTIVE_REVIEW",
    status: options.status ?? "IN_PROGRESS",
    assigneeId: options.assignee?.id ?? null,
    // Late by default: a reminder is only accepted once a step is past its due time.
    nodeDueAt: options.nodeDueAt ?? new Date(NOW.getTime() - HOUR),
    locale: "en",
  });
  return { ...application, applicant };
}

const staff = (role: Role, locale = "en") => createTestUser(role, { locale });
const ref = (application: { id: string }, viewer: Viewer, expectedVersion = 0, now = NOW) => ({
  applicationId: application.id,
  expectedVersion,
  viewer,
  now,
});

async function footprint(applicationId: string) {
  const [application, timeline, audit, outbox] = await Promise.all([
    db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } }),
    db.timelineEvent.count({ where: { applicationId } }),
    db.auditLog.count({ where: { entityId: applicationId } }),
    db.notification.count({ where: { applicationId } }),
  ]);
  return { ...application, timeline, audit, outbox };
}

const followUpNotices = (applicationId: string) =>
  db.notification.findMany({
    // The in-app notice; pages outside the app (lib/paging) are lib/paging/paging.test.ts's.
    where: { applicationId, template: "staff.followUp" },
    select: { recipientId: true, channel: true, template: true, locale: true, payload: true },
  });

describe("asking staff to hurry", () => {
  it("tells the assignee in the app, and leaves a public timeline entry and an audit row by the applicant", async () => {
    const reviewer = await staff("REVIEWER");
    const application = await makeCase({ assignee: reviewer });
    const outcome = await requestCaseFollowUp(ref(application, application.applicant));
    expect(outcome).toEqual({
      applicationId: application.id,
      number: application.number,
      version: 1,
      nextAllowedAt: new Date(NOW.getTime() + 12 * HOUR),
    });
    expect(
      await db.timelineEvent.findMany({
        where: { applicationId: application.id },
        select: { action: true, actorId: true, node: true, internalNote: true, occurredAt: true },
      }),
    ).toEqual([
      {
        action: "FOLLOW_UP",
        actorId: application.applicant.id,
        node: "SUBSTANTIVE_REVIEW",
        internalNote: null,
        occurredAt: NOW,
      },
    ]);
    expect(
      await db.auditLog.findMany({
        where: { entityId: application.id },
        select: { action: true, actorId: true },
      }),
    ).toEqual([{ action: "workflow.FOLLOW_UP", actorId: application.applicant.id }]);
    expect(await followUpNotices(application.id)).toEqual([
      {
        recipientId: reviewer.id,
        channel: "IN_APP",
        template: "staff.followUp",
        locale: "en",
        payload: { number: application.number },
      },
    ]);
  });

  it("tells every active supervisor, and nobody else, while the case is unassigned", async () => {
    const supervisors = [await staff("SUPERVISOR"), await staff("SUPERVISOR")];
    const retired = await createTestUser("SUPERVISOR", { active: false });
    await staff("REVIEWER");
    const application = await makeCase();
    await requestCaseFollowUp(ref(application, application.applicant));

    const active = await db.user.findMany({
      where: { role: "SUPERVISOR", active: true },
      select: { id: true },
    });
    const recipients = (await followUpNotices(application.id)).map((notice) => notice.recipientId);
    expect(recipients.sort()).toEqual(active.map((user) => user.id).sort());
    expect(recipients).toEqual(expect.arrayContaining(supervisors.map((user) => user.id)));
    expect(recipients).not.toContain(retired.id);
    expect(
      await db.auditLog.findFirst({
        // The pages sent about it (lib/paging) have audit rows of their own.
        where: { entityId: application.id, action: "workflow.FOLLOW_UP" },
        select: { details: true },
      }),
    ).toMatchObject({ details: { notified: active.length } });
  });

  it("refuses a second follow-up within 12 hours, saying when the next one is possible and writing nothing", async () => {
    const application = await makeCase({ assignee: await staff("REVIEWER") });
    await requestCaseFollowUp(ref(application, application.applicant));
    const before = await footprint(application.id);
    const almost = new Date(NOW.getTime() + 12 * HOUR - 1);
    const refusal = await requestCaseFollowUp(ref(application, application.applicant, 1, almost)).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(FollowUpTooSoonError);
    expect((refusal as FollowUpTooSoonError).nextAllowedAt).toEqual(new Date(NOW.getTime() + 12 * HOUR));
    expect(await footprint(application.id)).toEqual(before);

    const later = new Date(NOW.getTime() + 12 * HOUR);
    await expect(
      requestCaseFollowUp(ref(application, application.applicant, 1, later)),
    ).resolves.toMatchObject({ version: 2 });
  });

  it("refuses closed cases, other applicants and staff, writing nothing", async () => {
    const reviewer = await staff("REVIEWER");
    const attempts: [Viewer | null, Awaited<ReturnType<typeof makeCase>>, new (...args: never[]) => Error][] =
      [];
    for (const [status, node] of [
      ["COMPLETED", "DOCUMENT_ISSUED"],
      ["REJECTED", "REJECTED"],
      ["WITHDRAWN", "WITHDRAWN"],
    ] as const) {
      attempts.push([null, await makeCase({ status, node, assignee: reviewer }), TransitionNotAllowedError]);
    }
    const open = await makeCase({ assignee: reviewer });
    attempts.push([await createTestUser("APPLICANT"), open, CaseNotFoundError]);
    for (const viewer of [reviewer, await staff("REVIEWER"), await staff("SUPERVISOR"), await staff("ADMIN")])
      attempts.push([viewer, open, TransitionNotAllowedError]);

    for (const [viewer, application, refusal] of attempts) {
      const before = await footprint(application.id);
      await expect(
        requestCaseFollowUp(ref(application, viewer ?? application.applicant)),
      ).rejects.toBeInstanceOf(refusal);
      expect(await footprint(application.id)).toEqual(before);
    }
  });

  it("refuses a reminder while no step is late (a fresh case), writing nothing", async () => {
    const application = await makeCase({
      assignee: await staff("REVIEWER"),
      nodeDueAt: new Date(NOW.getTime() + 2 * HOUR),
    });
    await expect(requestCaseFollowUp(ref(application, application.applicant))).rejects.toBeInstanceOf(
      FollowUpNotLateError,
    );
    expect(await footprint(application.id)).toEqual({ version: 0, timeline: 0, audit: 0, outbox: 0 });
    // A minute past the due time it goes through.
    const late = new Date(NOW.getTime() + 2 * HOUR + 60_000);
    await expect(
      requestCaseFollowUp(ref(application, application.applicant, 0, late)),
    ).resolves.toMatchObject({
      version: 1,
    });
  });

  it("refuses a stale version like any other change to the case", async () => {
    const application = await makeCase({ assignee: await staff("REVIEWER") });
    await expect(requestCaseFollowUp(ref(application, application.applicant, 3))).rejects.toBeInstanceOf(
      ConcurrentChangeError,
    );
    expect(await footprint(application.id)).toEqual({ version: 0, timeline: 0, audit: 0, outbox: 0 });
  });

  it("reaches each staff member in their own language", async () => {
    for (const [locale, title] of [
      ["zh", (number: string) => `案件 ${number}：申请人催办`],
      ["en", (number: string) => `Case ${number}: the applicant asks you to hurry`],
    ] as const) {
      const reviewer = await staff("REVIEWER", locale);
      const application = await makeCase({ assignee: reviewer });
      await requestCaseFollowUp(ref(application, application.applicant));
      const display = `EX-${application.number.slice(2, 5)}-${application.number.slice(5, 8)}-${application.number.slice(8)}`;
      expect((await listNotifications(reviewer, { page: 1 })).items).toEqual([
        expect.objectContaining({
          title: title(display),
          link: `/console/cases/${application.number}`,
          read: false,
        }),
      ]);
    }
  });
});

describe("requestFollowUp (the applicant's action)", () => {
  function form(application: { id: string }, expectedVersion: number) {
    const data = new FormData();
    data.set("applicationId", application.id);
    data.set("expectedVersion", String(expectedVersion));
    return data;
  }

  it("answers with the time of the next possible reminder, then refuses with that same time", async () => {
    const application = await makeCase({ assignee: await staff("REVIEWER") });
    vi.mocked(getCurrentUser).mockResolvedValue({ ...application.applicant, locale: "en" } as CurrentUser);
    revalidated();
    const first = await requestFollowUp(null, form(application, 0));
    expect(first).toMatchObject({ ok: true, data: { version: 1 } });
    // The applicant's page shows the reminder (and when the next is possible), the assignee's too.
    expect(revalidated()).toEqual([
      [`/portal/applications/${application.number}`],
      [`/console/cases/${application.number}`],
    ]);
    const next = first.ok ? first.data.nextAllowedAt : "";
    expect(new Date(next).getTime() - Date.now()).toBeGreaterThan(11.9 * HOUR);
    expect(await requestFollowUp(null, form(application, 1))).toEqual({
      ok: false,
      message: "case.followUp.tooSoon",
      nextAllowedAt: next,
    });
  });

  it("refuses visitors without a session and malformed input", async () => {
    const application = await makeCase();
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    expect(await requestFollowUp(null, form(application, 0))).toEqual(sessionExpired());
    vi.mocked(getCurrentUser).mockResolvedValue({ ...application.applicant, locale: "en" } as CurrentUser);
    expect(await requestFollowUp(null, form({ id: "nope" }, 0))).toMatchObject({
      ok: false,
      message: "errors.checkFields",
    });
    expect(await footprint(application.id)).toEqual({ version: 0, timeline: 0, audit: 0, outbox: 0 });
  });
});
