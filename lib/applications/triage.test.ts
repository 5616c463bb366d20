import { describe, expect, it } from "vitest";
import { parseDraft, serializeDraft } from "./draft";
import {
  AFFECTED,
  CONSEQUENCES,
  FIXED_DATE_KINDS,
  isClearlyNotUrgent,
  isNight,
  nextMorning,
  partialTriageAnswers,
  storedTriageSchema,
  suggestStandardRoute,
  triageBand,
  triageRecord,
  triageScore,
  type TriageAnswers,
} from "./triage";

// 2026-03-10 12:00 in Beijing.
const NOW = new Date("2026-03-10T04:00:00Z");
const ZONE = "Asia/Shanghai";
const BEIJING = 480;
const FAR = new Date("2026-06-30T15:59:59.999Z");
const calm: TriageAnswers = {
  consequence: "NONE",
  fixedDate: "NONE",
  fixedDateOn: null,
  healthOrSafety: false,
  affected: "SELF",
};
const at = (iso: string) => new Date(iso);
const score = (answers: Partial<TriageAnswers>, neededBy = FAR) =>
  triageScore({ ...calm, ...answers }, { now: NOW, neededBy, utcOffsetMinutes: BEIJING });

const TIERS = [
  { tier: "STANDARD" as const, surchargeMinor: 0, processingHours: 336 },
  { tier: "URGENT" as const, surchargeMinor: 3000, processingHours: 72 },
  { tier: "EXPRESS" as const, surchargeMinor: 8000, processingHours: 24 },
];

describe("triageScore", () => {
  it("is 0 for nothing at stake, far away, only the applicant", () => {
    expect(score({})).toBe(0);
  });

  it.each([
    ["NONE", 0],
    ["INCONVENIENCE", 10],
    ["FINANCIAL_OR_LEGAL", 25],
    ["HEALTH_OR_SAFETY", 60],
  ] as const)("weighs the consequence %s as %i", (consequence, points) => {
    expect(score({ consequence })).toBe(points);
  });

  it("counts health or safety involved as 45 unless the consequence weighs more", () => {
    expect(score({ healthOrSafety: true })).toBe(45);
    expect(score({ healthOrSafety: true, consequence: "FINANCIAL_OR_LEGAL" })).toBe(45);
    expect(score({ healthOrSafety: true, consequence: "HEALTH_OR_SAFETY" })).toBe(60);
  });

  it.each([
    ["SELF", 0],
    ["DEPENDANTS", 5],
    ["MANY", 10],
  ] as const)("weighs who is affected (%s) as %i", (affected, points) => {
    expect(score({ affected })).toBe(points);
  });

  it.each([
    ["2026-03-10", 20],
    ["2026-03-11", 20],
    ["2026-03-12", 12],
    ["2026-03-16", 12],
    ["2026-03-17", 5],
    ["2026-04-08", 5],
    ["2026-04-09", 0],
  ])("adds points for a fixed date on %s (end of that day in Beijing)", (date, points) => {
    expect(score({ fixedDate: "APPOINTMENT", fixedDateOn: date })).toBe(points);
    expect(score({ fixedDate: "TRAVEL", fixedDateOn: date })).toBe(points);
  });

  it("ignores a fixed date that is absent, unreadable or past, and a date given with 'no fixed date'", () => {
    expect(score({ fixedDate: "APPOINTMENT", fixedDateOn: null })).toBe(0);
    expect(score({ fixedDate: "APPOINTMENT", fixedDateOn: "2026-02-30" })).toBe(0);
    expect(score({ fixedDate: "TRAVEL", fixedDateOn: "2026-03-09" })).toBe(0);
    expect(score({ fixedDate: "NONE", fixedDateOn: "2026-03-11" })).toBe(0);
  });

  it("reads the fixed date in the applicant's zone", () => {
    // The end of 11 March is 1 day 20 hours away at UTC+8, but 2 days 9 hours away at UTC−5.
    const answers = { ...calm, fixedDate: "APPOINTMENT" as const, fixedDateOn: "2026-03-11" };
    expect(
      triageScore(answers, { now: at("2026-03-09T20:00:00Z"), neededBy: FAR, utcOffsetMinutes: 480 }),
    ).toBe(20);
    expect(
      triageScore(answers, { now: at("2026-03-09T20:00:00Z"), neededBy: FAR, utcOffsetMinutes: -300 }),
    ).toBe(12);
  });

  it.each([
    ["2026-03-11T04:00:00Z", 10],
    ["2026-03-12T04:00:00Z", 10],
    ["2026-03-12T04:00:01Z", 6],
    ["2026-03-17T04:00:00Z", 6],
    ["2026-04-09T04:00:00Z", 2],
    ["2026-04-09T04:00:01Z", 0],
    ["2026-03-10T03:00:00Z", 0],
  ])("adds points for a needed-by time of %s", (neededBy, points) => {
    expect(score({}, at(neededBy))).toBe(points);
  });

  it("lets health or safety at risk alone outrank any financial loss with both dates tomorrow", () => {
    const money = score(
      { consequence: "FINANCIAL_OR_LEGAL", fixedDate: "TRAVEL", fixedDateOn: "2026-03-11" },
      at("2026-03-11T04:00:00Z"),
    );
    expect(money).toBe(55);
    expect(score({ consequence: "HEALTH_OR_SAFETY" })).toBeGreaterThan(money);
  });

  it("stays within 0–100 for every combination of answers", () => {
    const scores = CONSEQUENCES.flatMap((consequence) =>
      FIXED_DATE_KINDS.flatMap((fixedDate) =>
        AFFECTED.flatMap((affected) =>
          [true, false].flatMap((healthOrSafety) =>
            [at("2026-03-10T15:00:00Z"), FAR].map((neededBy) =>
              score(
                { consequence, fixedDate, fixedDateOn: "2026-03-10", affected, healthOrSafety },
                neededBy,
              ),
            ),
          ),
        ),
      ),
    );
    expect(Math.min(...scores)).toBe(0);
    expect(Math.max(...scores)).toBe(100);
    for (const value of scores) expect(Number.isInteger(value)).toBe(true);
  });
});

describe("triageBand", () => {
  it.each([
    [0, "low"],
    [29, "low"],
    [30, "medium"],
    [59, "medium"],
    [60, "high"],
    [100, "high"],
  ] as const)("%i is %s", (value, band) => {
    expect(triageBand(value)).toBe(band);
  });
});

describe("isClearlyNotUrgent", () => {
  it("needs every one of the three answers to be calm", () => {
    expect(isClearlyNotUrgent(calm)).toBe(true);
    expect(isClearlyNotUrgent({ ...calm, consequence: "INCONVENIENCE", affected: "MANY" })).toBe(true);
    expect(isClearlyNotUrgent({ ...calm, consequence: "FINANCIAL_OR_LEGAL" })).toBe(false);
    expect(isClearlyNotUrgent({ ...calm, consequence: "HEALTH_OR_SAFETY" })).toBe(false);
    expect(isClearlyNotUrgent({ ...calm, fixedDate: "APPOINTMENT" })).toBe(false);
    expect(isClearlyNotUrgent({ ...calm, healthOrSafety: true })).toBe(false);
  });

  it("does not count unanswered questions as calm", () => {
    expect(isClearlyNotUrgent({})).toBe(false);
    expect(isClearlyNotUrgent({ consequence: "NONE", fixedDate: "NONE" })).toBe(false);
    expect(isClearlyNotUrgent({ consequence: "NONE", healthOrSafety: false })).toBe(false);
  });
});

describe("isNight and nextMorning", () => {
  it.each([
    ["2026-03-10T13:59:00Z", false, "2026-03-10T23:00:00.000Z"],
    ["2026-03-10T14:00:00Z", true, "2026-03-10T23:00:00.000Z"],
    ["2026-03-10T16:30:45Z", true, "2026-03-10T23:00:00.000Z"],
    ["2026-03-10T22:59:00Z", true, "2026-03-10T23:00:00.000Z"],
    ["2026-03-10T23:00:00Z", false, "2026-03-11T23:00:00.000Z"],
    ["2026-03-10T04:00:00Z", false, "2026-03-10T23:00:00.000Z"],
  ])("%s in Beijing: night %s, next 07:00 at %s", (instant, night, morning) => {
    expect(isNight(at(instant), ZONE)).toBe(night);
    expect(nextMorning(at(instant), ZONE).toISOString()).toBe(morning);
  });

  it("uses the zone it is given", () => {
    // 23:00 UTC is 07:00 in Beijing but still 23:00 in London (winter).
    expect(isNight(at("2026-01-10T23:00:00Z"), ZONE)).toBe(false);
    expect(isNight(at("2026-01-10T23:00:00Z"), "Europe/London")).toBe(true);
  });
});

describe("suggestStandardRoute", () => {
  const night = at("2026-03-10T16:00:00Z");

  it("offers the standard route for a calm request on an urgent tier, with the saving", () => {
    expect(suggestStandardRoute(calm, "EXPRESS", TIERS, NOW, ZONE)).toEqual({
      offerStandard: true,
      offerNextDay: false,
      standard: TIERS[0],
      savingMinor: 8000,
    });
    expect(suggestStandardRoute(calm, "URGENT", TIERS, NOW, ZONE)).toMatchObject({
      offerStandard: true,
      savingMinor: 3000,
    });
  });

  it("offers nothing when the request is urgent, the tier is standard or unchosen, or standard is not offered", () => {
    expect(
      suggestStandardRoute({ ...calm, healthOrSafety: true }, "EXPRESS", TIERS, night, ZONE),
    ).toMatchObject({ offerStandard: false, offerNextDay: false, savingMinor: 0 });
    expect(suggestStandardRoute(calm, "STANDARD", TIERS, NOW, ZONE)).toMatchObject({
      offerStandard: false,
      savingMinor: 0,
    });
    expect(suggestStandardRoute(calm, "", TIERS, NOW, ZONE).offerStandard).toBe(false);
    expect(suggestStandardRoute(calm, "EXPRESS", TIERS.slice(1), NOW, ZONE)).toMatchObject({
      offerStandard: false,
      standard: null,
    });
    // A tier the catalog no longer offers.
    expect(suggestStandardRoute(calm, "EXPRESS", TIERS.slice(0, 2), NOW, ZONE).offerStandard).toBe(false);
  });

  it("offers next-day scheduling at night only, whatever the tier", () => {
    expect(suggestStandardRoute(calm, "EXPRESS", TIERS, night, ZONE)).toMatchObject({
      offerStandard: true,
      offerNextDay: true,
    });
    expect(suggestStandardRoute(calm, "STANDARD", TIERS, night, ZONE)).toMatchObject({
      offerStandard: false,
      offerNextDay: true,
    });
    expect(suggestStandardRoute(calm, "STANDARD", TIERS, night, "Europe/London").offerNextDay).toBe(false);
  });
});

describe("partialTriageAnswers", () => {
  it("maps the form's raw values and leaves out what is not answered", () => {
    expect(partialTriageAnswers({})).toEqual({
      consequence: undefined,
      fixedDate: undefined,
      fixedDateOn: null,
      healthOrSafety: undefined,
      affected: undefined,
    });
    expect(
      partialTriageAnswers({
        triageConsequence: "NONE",
        triageFixedDate: "TRAVEL",
        triageFixedDateOn: " 2026-03-12 ",
        triageHealthSafety: "NO",
        triageAffected: "MANY",
      }),
    ).toEqual({
      consequence: "NONE",
      fixedDate: "TRAVEL",
      fixedDateOn: "2026-03-12",
      healthOrSafety: false,
      affected: "MANY",
    });
    expect(
      partialTriageAnswers({
        triageConsequence: "PANIC",
        triageFixedDate: "NONE",
        triageFixedDateOn: "2026-03-12",
        triageHealthSafety: "YES",
      }),
    ).toMatchObject({
      consequence: undefined,
      fixedDateOn: null,
      healthOrSafety: true,
    });
  });
});

describe("triageRecord", () => {
  const base = {
    now: NOW,
    neededBy: FAR,
    utcOffsetMinutes: BEIJING,
    timeZone: ZONE,
    nextDayRequested: false,
  };

  it("stores the score and the answers in the stored shape", () => {
    const record = triageRecord(
      { ...calm, consequence: "HEALTH_OR_SAFETY", fixedDate: "APPOINTMENT", fixedDateOn: "2026-03-11" },
      base,
    );
    expect(record.score).toBe(80);
    expect(record.answers).toEqual({
      v: 1,
      consequence: "HEALTH_OR_SAFETY",
      fixedDate: "APPOINTMENT",
      fixedDateOn: "2026-03-11",
      healthOrSafety: false,
      affected: "SELF",
      scheduledNextDay: false,
    });
    expect(storedTriageSchema.parse(record.answers)).toEqual(record.answers);
  });

  it("drops a date given with 'no fixed date'", () => {
    expect(triageRecord({ ...calm, fixedDateOn: "2026-03-11" }, base).answers.fixedDateOn).toBeNull();
  });

  it("keeps next-day scheduling only at night and only for a calm request", () => {
    const night = at("2026-03-10T16:00:00Z");
    expect(triageRecord(calm, { ...base, now: night, nextDayRequested: true }).answers.scheduledNextDay).toBe(
      true,
    );
    expect(triageRecord(calm, { ...base, now: NOW, nextDayRequested: true }).answers.scheduledNextDay).toBe(
      false,
    );
    expect(
      triageRecord({ ...calm, healthOrSafety: true }, { ...base, now: night, nextDayRequested: true }).answers
        .scheduledNextDay,
    ).toBe(false);
    expect(triageRecord(calm, { ...base, now: night }).answers.scheduledNextDay).toBe(false);
  });
});

describe("the device draft", () => {
  it("keeps the triage answers but not tonight's next-day choice", () => {
    const values = {
      triageConsequence: "NONE",
      triageFixedDate: "TRAVEL",
      triageFixedDateOn: "2026-03-12",
      triageHealthSafety: "NO",
      triageAffected: "SELF",
      triageNextDay: "yes",
    };
    const raw = serializeDraft({
      submissionKey: "0b5e8f5a-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
      values,
      files: [],
      now: NOW,
    });
    const { triageNextDay: _dropped, ...kept } = values;
    expect(parseDraft(raw)?.values).toEqual(kept);
  });
});
