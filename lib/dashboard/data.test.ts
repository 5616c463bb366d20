import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { NotAuthorizedError } from "@/lib/errors";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import {
  getFirstResponse,
  getFollowUpRate,
  getHourlyVolume,
  getOnTimeByNode,
  getOnTimeByService,
  getOpenCountsByNode,
  getRatings,
  getTimePerNode,
  listDashboardServices,
  listExportPage,
} from "./data";
import type { DashboardFilters } from "./schema";
import { createDashboardCase, createDashboardService, filtersFor, type Step } from "./dashboard.fixtures";

withTestDatabase();

// Every test has days of its own (and a service of its own), so the file's tests never see each
// other's cases. Expected numbers are worked out by hand in the comments.

async function arrange() {
  const [service, applicant, reviewer, supervisor] = await Promise.all([
    createDashboardService(),
    createTestUser("APPLICANT"),
    createTestUser("REVIEWER"),
    createTestUser("SUPERVISOR"),
  ]);
  const ids = { applicantId: applicant.id, serviceId: service.id };
  return { service, applicant, reviewer, supervisor, ids };
}

const byNode = <T extends { node: string }>(rows: T[]) =>
  Object.fromEntries(rows.map((row) => [row.node, row]));

describe("node visits: on time, average and p90", () => {
  it("measures each node from the event entering it to the next one, against the due time recorded on entry", async () => {
    const { supervisor, reviewer, ids, service } = await arrange();
    const staff = reviewer.id;
    const t0 = new Date("2026-03-10T02:00:00Z");
    // A: SUBMITTED 0→30 (due 60: on time); MATERIAL_CHECK 30→210 (due 150: late); SUBSTANTIVE_REVIEW still open.
    // The note is not a node change and must not end the visit.
    await createDashboardCase(ids, t0, [
      { node: "SUBMITTED", action: "SUBMITTED", at: 0, due: 60 },
      { node: "MATERIAL_CHECK", action: "ADVANCED", at: 30, due: 150, by: staff },
      { node: "MATERIAL_CHECK", action: "NOTE_ADDED", at: 100, by: staff },
      { node: "SUBSTANTIVE_REVIEW", action: "ADVANCED", at: 210, due: 450, by: staff },
    ]);
    // B: SUBMITTED 0→90 (due 60: late); MATERIAL_CHECK 90→150 (due 210: on time); AWAITING_SUPPLEMENT
    // 150→2150 (due 1590: late, the applicant's); MATERIAL_CHECK again 2150→2160 (no target: timed, not rated).
    await createDashboardCase(ids, new Date("2026-03-10T03:00:00Z"), [
      { node: "SUBMITTED", action: "SUBMITTED", at: 0, due: 60 },
      { node: "MATERIAL_CHECK", action: "ADVANCED", at: 90, due: 210, by: staff },
      { node: "AWAITING_SUPPLEMENT", action: "SUPPLEMENT_REQUESTED", at: 150, due: 1590, by: staff },
      { node: "MATERIAL_CHECK", action: "SUPPLEMENT_PROVIDED", at: 2150 },
      { node: "SUBSTANTIVE_REVIEW", action: "ADVANCED", at: 2160, due: 2400, by: staff },
    ]);
    // C: SUBMITTED 0→60, due exactly 60: on time (at or before).
    await createDashboardCase(ids, new Date("2026-03-11T05:00:00Z"), [
      { node: "SUBMITTED", action: "SUBMITTED", at: 0, due: 60 },
      { node: "MATERIAL_CHECK", action: "ADVANCED", at: 60, due: 180, by: staff },
    ]);
    const filters = filtersFor("2026-03-10", "2026-03-11", service.id);

    const onTime = byNode(await getOnTimeByNode(supervisor, filters));
    expect(onTime.SUBMITTED).toEqual({ node: "SUBMITTED", measured: 3, onTime: 2, rate: 2 / 3 });
    expect(onTime.MATERIAL_CHECK).toEqual({ node: "MATERIAL_CHECK", measured: 2, onTime: 1, rate: 0.5 });
    expect(onTime.AWAITING_SUPPLEMENT).toEqual({
      node: "AWAITING_SUPPLEMENT",
      measured: 1,
      onTime: 0,
      rate: 0,
    });
    expect(onTime.SUBSTANTIVE_REVIEW).toEqual({
      node: "SUBSTANTIVE_REVIEW",
      measured: 0,
      onTime: 0,
      rate: null,
    });

    // Staff nodes only: SUBMITTED 2 of 3 and MATERIAL_CHECK 1 of 2 → 3 of 5.
    expect(await getOnTimeByService(supervisor, filters)).toEqual([
      {
        serviceId: service.id,
        nameZh: service.nameZh,
        nameEn: service.nameEn,
        measured: 5,
        onTime: 3,
        rate: 0.6,
      },
    ]);

    // SUBMITTED [30, 60, 90]: average 60, p90 = 60 + 0.8 × 30 = 84 (linear interpolation, percentile_cont).
    // MATERIAL_CHECK [10, 60, 180]: average 250/3, p90 = 60 + 0.8 × 120 = 156. AWAITING_SUPPLEMENT [2000].
    const { nodes, bottleneck } = await getTimePerNode(supervisor, filters);
    const times = byNode(nodes);
    expect(times.SUBMITTED).toEqual({ node: "SUBMITTED", visits: 3, averageMinutes: 60, p90Minutes: 84 });
    expect(times.MATERIAL_CHECK!.visits).toBe(3);
    expect(times.MATERIAL_CHECK!.averageMinutes).toBeCloseTo(250 / 3, 9);
    expect(times.MATERIAL_CHECK!.p90Minutes).toBeCloseTo(156, 9);
    expect(times.AWAITING_SUPPLEMENT).toEqual({
      node: "AWAITING_SUPPLEMENT",
      visits: 1,
      averageMinutes: 2000,
      p90Minutes: 2000,
    });
    expect(times.SUBSTANTIVE_REVIEW).toEqual({
      node: "SUBSTANTIVE_REVIEW",
      visits: 0,
      averageMinutes: null,
      p90Minutes: null,
    });
    // The longest staff node; waiting for the applicant (2000 min) is not the staff's bottleneck.
    expect(bottleneck).toBe("MATERIAL_CHECK");
    expect(nodes.map((row) => row.node)).toEqual([
      "SUBMITTED",
      "MATERIAL_CHECK",
      "AWAITING_SUPPLEMENT",
      "SUBSTANTIVE_REVIEW",
      "EXPERT_REVIEW",
      "DECISION",
      "RESULT_NOTIFIED",
    ]);
  });

  it("rates each service on its own cases", async () => {
    const { supervisor, reviewer, ids } = await arrange();
    const other = await createDashboardService("Other");
    const late: Step[] = [
      { node: "SUBMITTED", action: "SUBMITTED", at: 0, due: 10 },
      { node: "MATERIAL_CHECK", action: "ADVANCED", at: 20, by: reviewer.id },
    ];
    const onTime: Step[] = [late[0]!, { ...late[1]!, at: 5 }];
    await createDashboardCase(ids, new Date("2026-03-20T02:00:00Z"), late);
    await createDashboardCase(ids, new Date("2026-03-20T03:00:00Z"), onTime);
    await createDashboardCase({ ...ids, serviceId: other.id }, new Date("2026-03-20T04:00:00Z"), onTime);
    const rows = await getOnTimeByService(supervisor, filtersFor("2026-03-20", "2026-03-20"));
    expect(rows.map((row) => [row.nameEn, row.measured, row.onTime, row.rate]).sort()).toEqual(
      [
        [other.nameEn, 1, 1, 1],
        [rows.find((row) => row.serviceId === ids.serviceId)!.nameEn, 2, 1, 0.5],
      ].sort(),
    );
  });
});

describe("first response", () => {
  it("is the first event by someone other than the applicant; the applicant's own events and the system's do not count", async () => {
    const { supervisor, reviewer, ids, service } = await arrange();
    const submitted: Step = { node: "SUBMITTED", action: "SUBMITTED", at: 0 };
    await createDashboardCase(ids, new Date("2026-04-01T02:00:00Z"), [
      submitted,
      { node: "SUBMITTED", action: "ASSIGNED", at: 1, by: null },
      { node: "SUBMITTED", action: "FOLLOW_UP", at: 5 },
      { node: "SUBMITTED", action: "NOTE_ADDED", at: 20, by: reviewer.id },
      { node: "MATERIAL_CHECK", action: "ADVANCED", at: 25, by: reviewer.id },
    ]);
    await createDashboardCase(ids, new Date("2026-04-01T03:00:00Z"), [
      submitted,
      { node: "MATERIAL_CHECK", action: "ADVANCED", at: 40, by: reviewer.id },
    ]);
    // Open and untouched: waiting. Withdrawn before anyone acted: neither responded nor waiting.
    await createDashboardCase(ids, new Date("2026-04-01T04:00:00Z"), [submitted]);
    await createDashboardCase(
      ids,
      new Date("2026-04-01T05:00:00Z"),
      [submitted, { node: "WITHDRAWN", action: "WITHDRAWN", at: 30 }],
      { closed: true },
    );

    // [20, 40]: average 30, median 30, p90 = 20 + 0.9 × 20 = 38.
    expect(await getFirstResponse(supervisor, filtersFor("2026-04-01", "2026-04-01", service.id))).toEqual({
      cases: 4,
      responded: 2,
      waiting: 1,
      averageMinutes: 30,
      medianMinutes: 30,
      p90Minutes: 38,
    });
  });
});

describe("volume by hour", () => {
  it("buckets submissions by hour in the rota time zone (Asia/Shanghai, UTC+8) and splits day 08–20 from night", async () => {
    const { supervisor, ids, service } = await arrange();
    const submitted: Step[] = [{ node: "SUBMITTED", action: "SUBMITTED", at: 0 }];
    // Local times: 00:00 and 08:30 and 19:59 and 20:00 on 10 May, 07:30 on 11 May; then two just outside the range.
    const times = [
      "2026-05-09T16:00:00Z",
      "2026-05-10T00:30:00Z",
      "2026-05-10T11:59:00Z",
      "2026-05-10T12:00:00Z",
      "2026-05-10T23:30:00Z",
      "2026-05-09T15:59:00Z",
      "2026-05-11T16:00:00Z",
    ];
    for (const time of times) await createDashboardCase(ids, new Date(time), submitted);
    const volume = await getHourlyVolume(supervisor, filtersFor("2026-05-10", "2026-05-11", service.id));
    expect(volume.hours).toHaveLength(24);
    expect(volume.hours.filter((hour) => hour.count > 0)).toEqual([
      { hour: 0, count: 1 },
      { hour: 7, count: 1 },
      { hour: 8, count: 1 },
      { hour: 19, count: 1 },
      { hour: 20, count: 1 },
    ]);
    expect({ day: volume.day, night: volume.night }).toEqual({ day: 2, night: 3 });
  });
});

describe("follow-ups and ratings", () => {
  it("counts the cases chased at least once, and the ratings given", async () => {
    const { supervisor, ids, service } = await arrange();
    const submitted: Step = { node: "SUBMITTED", action: "SUBMITTED", at: 0 };
    const followUp = (at: number): Step => ({ node: "SUBMITTED", action: "FOLLOW_UP", at });
    await createDashboardCase(
      ids,
      new Date("2026-06-01T02:00:00Z"),
      [submitted, followUp(60), followUp(800)],
      { rating: 5 },
    );
    await createDashboardCase(ids, new Date("2026-06-01T03:00:00Z"), [submitted, followUp(60)], {
      rating: 4,
    });
    await createDashboardCase(ids, new Date("2026-06-01T04:00:00Z"), [submitted], { rating: 4 });
    await createDashboardCase(ids, new Date("2026-06-01T05:00:00Z"), [submitted]);
    await createDashboardCase(ids, new Date("2026-06-01T06:00:00Z"), [submitted], { rating: 1 });
    const filters = filtersFor("2026-06-01", "2026-06-01", service.id);

    expect(await getFollowUpRate(supervisor, filters)).toEqual({
      cases: 5,
      withFollowUp: 2,
      followUps: 3,
      rate: 0.4,
    });
    // (5 + 4 + 4 + 1) / 4 = 3.5
    expect(await getRatings(supervisor, filters)).toEqual({
      count: 4,
      average: 3.5,
      distribution: [
        { rating: 1, count: 1 },
        { rating: 2, count: 0 },
        { rating: 3, count: 0 },
        { rating: 4, count: 2 },
        { rating: 5, count: 1 },
      ],
    });
  });
});

describe("filters", () => {
  it("takes cases submitted within the days (in the rota zone) and of the service; live counts ignore the days", async () => {
    const { supervisor, ids, service } = await arrange();
    const other = await createDashboardService();
    const submitted: Step[] = [{ node: "SUBMITTED", action: "SUBMITTED", at: 0 }];
    const checking: Step[] = [...submitted, { node: "MATERIAL_CHECK", action: "ADVANCED", at: 5 }];
    await createDashboardCase(ids, new Date("2026-07-01T00:00:00Z"), submitted); // 08:00 on 1 July: in
    await createDashboardCase(ids, new Date("2026-07-02T15:59:00Z"), checking); // 23:59 on 2 July: in
    await createDashboardCase(ids, new Date("2026-07-02T16:00:00Z"), checking); // 00:00 on 3 July: out
    await createDashboardCase(ids, new Date("2026-06-30T15:59:00Z"), submitted, { closed: true }); // 30 June: out, closed
    await createDashboardCase({ ...ids, serviceId: other.id }, new Date("2026-07-01T04:00:00Z"), submitted); // other service

    const filters = filtersFor("2026-07-01", "2026-07-02", service.id);
    expect((await getFollowUpRate(supervisor, filters)).cases).toBe(2);
    expect((await getFollowUpRate(supervisor, filtersFor("2026-07-01", "2026-07-02"))).cases).toBe(3);
    expect(
      (await getFollowUpRate(supervisor, filtersFor("2026-07-01", "2026-07-03", service.id))).cases,
    ).toBe(3);

    // Open cases of the service now, whenever submitted: one submitted, two in material check.
    const open = byNode(await getOpenCountsByNode(supervisor, filters));
    expect([open.SUBMITTED!.count, open.MATERIAL_CHECK!.count, open.DECISION!.count]).toEqual([1, 2, 0]);
    const otherOpen = byNode(
      await getOpenCountsByNode(supervisor, filtersFor("2026-07-01", "2026-07-02", other.id)),
    );
    expect([otherOpen.SUBMITTED!.count, otherOpen.MATERIAL_CHECK!.count]).toEqual([1, 0]);
  });
});

describe("who may see the dashboard", () => {
  it("lets supervisors and admins in and refuses reviewers and applicants, in every function", async () => {
    const { service } = await arrange();
    const filters = filtersFor("2026-08-01", "2026-08-01", service.id);
    const calls: ((viewer: Viewer, filters: DashboardFilters) => Promise<unknown>)[] = [
      getOpenCountsByNode,
      getOnTimeByNode,
      getOnTimeByService,
      getTimePerNode,
      getFirstResponse,
      getHourlyVolume,
      getFollowUpRate,
      getRatings,
      (viewer) => listDashboardServices(viewer),
      (viewer) => listExportPage(viewer, filters, null, 10),
    ];
    for (const role of ["REVIEWER", "APPLICANT"] as const) {
      const viewer = await createTestUser(role);
      for (const call of calls)
        await expect(call({ id: viewer.id, role }, filters)).rejects.toThrow(NotAuthorizedError);
    }
    const admin = await createTestUser("ADMIN");
    for (const call of calls)
      await expect(call({ id: admin.id, role: "ADMIN" }, filters)).resolves.toBeDefined();
  });
});
