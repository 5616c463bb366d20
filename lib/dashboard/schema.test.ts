import { describe, expect, it } from "vitest";
import {
  canViewDashboard,
  dashboardParams,
  parseDashboardFilters,
  scopeOf,
  zonedToday,
  type DashboardSearchParams,
} from "./schema";

const ZONE = "Asia/Shanghai";
// 20:30 on 21 November in UTC is already 22 November in Shanghai.
const NOW = new Date("2026-11-21T20:30:00Z");
const parse = (params: DashboardSearchParams) => parseDashboardFilters(params, { now: NOW, timeZone: ZONE });
const SERVICE = "6f1c2a9e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

describe("parseDashboardFilters", () => {
  it("defaults to the last 30 days up to today in the rota's zone, all services", () => {
    expect(zonedToday(NOW, ZONE)).toBe("2026-11-22");
    expect(parse({})).toEqual({ from: "2026-10-24", to: "2026-11-22", limited: false });
  });

  it("keeps valid days and a service id", () => {
    expect(parse({ from: "2026-01-01", to: "2026-01-31", service: SERVICE })).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
      service: SERVICE,
      limited: false,
    });
    expect(parse({ from: "2026-02-01", to: "2026-02-01" })).toEqual({
      from: "2026-02-01",
      to: "2026-02-01",
      limited: false,
    });
  });

  it("lets each bad value fall back on its own and never throws", () => {
    expect(parse({ from: "2026-02-30", to: "2026-03-15", service: "passport" })).toEqual({
      from: "2026-02-14",
      to: "2026-03-15",
      limited: false,
    });
    expect(parse({ from: "yesterday", to: "2026-13-01" })).toEqual({
      from: "2026-10-24",
      to: "2026-11-22",
      limited: false,
    });
    expect(parse({ from: "2026-03-10", to: "2026-03-01" })).toEqual({
      from: "2026-01-31",
      to: "2026-03-01",
      limited: false,
    });
    expect(parse({ from: ["2026-03-01", "2026-04-01"], to: ["2026-03-02"] })).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-02",
    });
    expect(parse({ from: "0001-01-01", to: "9999-12-31" })).toMatchObject({
      to: "2026-11-22",
      limited: false,
    });
  });

  it("cuts a range longer than a year to the year up to its end", () => {
    expect(parse({ from: "2025-01-01", to: "2026-06-30" })).toEqual({
      from: "2025-06-30",
      to: "2026-06-30",
      limited: true,
    });
    // 366 days inclusive is allowed (a leap year).
    expect(parse({ from: "2024-01-01", to: "2024-12-31" })).toEqual({
      from: "2024-01-01",
      to: "2024-12-31",
      limited: false,
    });
  });

  it("round-trips through dashboardParams", () => {
    const filters = parse({ from: "2026-01-01", to: "2026-01-31", service: SERVICE });
    expect(dashboardParams(filters).toString()).toBe(`from=2026-01-01&to=2026-01-31&service=${SERVICE}`);
    expect(parse(Object.fromEntries(dashboardParams(filters)))).toEqual(filters);
  });
});

describe("scopeOf", () => {
  it("spans from the zone's midnight of the first day to the midnight after the last", () => {
    expect(scopeOf({ from: "2026-03-10", to: "2026-03-11", limited: false }, ZONE)).toEqual({
      start: new Date("2026-03-09T16:00:00Z"),
      end: new Date("2026-03-11T16:00:00Z"),
      timeZone: ZONE,
    });
    expect(
      scopeOf({ from: "2026-03-10", to: "2026-03-10", service: SERVICE, limited: false }, "UTC"),
    ).toMatchObject({
      start: new Date("2026-03-10T00:00:00Z"),
      end: new Date("2026-03-11T00:00:00Z"),
      serviceId: SERVICE,
    });
  });
});

describe("canViewDashboard", () => {
  it("is for supervisors and admins", () => {
    expect((["APPLICANT", "REVIEWER", "SUPERVISOR", "ADMIN"] as const).filter(canViewDashboard)).toEqual([
      "SUPERVISOR",
      "ADMIN",
    ]);
  });
});
