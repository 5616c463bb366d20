import { describe, expect, it } from "vitest";
import { generateApplicationNumber } from "@/lib/applications/application-number";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { lookupCase, lookupSharedCase, type LookupResult } from "./lookup";
import { shareLinkKey, signShareToken } from "./share-token";
import {
  EMAIL,
  INTERNAL_NOTE,
  PHONE,
  PUBLIC_NOTE,
  createLookupCase,
  randomCnId,
  randomIp,
  rateLimitRow,
} from "./lookup.fixtures";
import { LOOKUP_PER_ADDRESS, LOOKUP_PER_NUMBER } from "./throttle";

withTestDatabase();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const evaluated = (results: LookupResult[]) =>
  results.filter((result) => result.ok || result.reason !== "throttled");

describe("lookupCase", () => {
  it("shows the public view for the right number and ID number, and nothing private", async () => {
    const found = await createLookupCase();
    const result = await lookupCase({
      number: found.number,
      idType: "CN_RESIDENT_ID",
      idNumber: found.idNumber,
      ip: randomIp(),
      now: new Date(),
    });

    expect(result).toMatchObject({
      ok: true,
      view: {
        number: found.number,
        applicantName: "张*三",
        tier: "URGENT",
        currentNode: "MATERIAL_CHECK",
        status: "IN_PROGRESS",
        service: { nameEn: "Passport urgent renewal" },
      },
    });
    const text = JSON.stringify(result);
    for (const secret of [
      INTERNAL_NOTE,
      PUBLIC_NOTE,
      PHONE,
      EMAIL,
      "张小三",
      "Rita Reviewer",
      found.idNumber,
      found.idNumber.slice(0, 6),
      "surgery abroad",
      found.reviewer.id,
      found.applicant.id,
      found.id,
    ]) {
      expect(text).not.toContain(secret);
    }
    if (!result.ok) throw new Error("expected a view");
    const material = result.view.progress.steps.find((step) => step.node === "MATERIAL_CHECK")!;
    expect(material).toMatchObject({ state: "current", handledBy: ["staff"] });
    expect(material.withheldNotesAt).toHaveLength(1);
    // The internal-only note is not even an event of the public history.
    expect(result.view.history.map((event) => event.action)).toEqual(["SUBMITTED", "ADVANCED"]);
  });

  it("gives a wrong ID number and an unknown number the same answer, and spends an attempt for both", async () => {
    const found = await createLookupCase();
    const unknown = generateApplicationNumber();
    const ip = randomIp();
    const now = new Date();
    const wrongId = await lookupCase({
      number: found.number,
      idType: "CN_RESIDENT_ID",
      idNumber: randomCnId(),
      ip,
      now,
    });
    const wrongType = await lookupCase({
      number: found.number,
      idType: "PASSPORT",
      idNumber: found.idNumber,
      ip,
      now,
    });
    const unknownNumber = await lookupCase({
      number: unknown,
      idType: "CN_RESIDENT_ID",
      idNumber: found.idNumber,
      ip,
      now,
    });

    expect(wrongId).toEqual({ ok: false, reason: "notFound" });
    expect(wrongType).toStrictEqual(wrongId);
    expect(unknownNumber).toStrictEqual(wrongId);
    expect((await rateLimitRow(LOOKUP_PER_ADDRESS, ip))?.tat).toEqual(
      later(now, 3 * LOOKUP_PER_ADDRESS.intervalSeconds * 1000),
    );
    expect((await rateLimitRow(LOOKUP_PER_NUMBER, found.number))?.tat).toEqual(later(now, 2 * HOUR));
    expect((await rateLimitRow(LOOKUP_PER_NUMBER, unknown))?.tat).toEqual(later(now, HOUR));
  });

  it("evaluates at most five of 100 guesses for one number sent at the same moment, the right one among them", async () => {
    const found = await createLookupCase();
    const now = new Date();
    const guesses = Array.from({ length: 100 }, (_, index) => (index === 60 ? found.idNumber : randomCnId()));
    const results = await Promise.all(
      guesses.map((idNumber) =>
        lookupCase({ number: found.number, idType: "CN_RESIDENT_ID", idNumber, ip: randomIp(), now }),
      ),
    );
    expect(evaluated(results).length).toBeLessThanOrEqual(5);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(
      100 - evaluated(results).length,
    );
  });

  it("keeps a guesser slow: five at once, then one an hour, from any addresses, and never a lock", async () => {
    const found = await createLookupCase();
    const wrong = { number: found.number, idType: "CN_RESIDENT_ID", idNumber: randomCnId() } as const;
    const start = new Date();
    for (let attempt = 0; attempt < 5; attempt++)
      expect(await lookupCase({ ...wrong, ip: randomIp(), now: start })).toEqual({
        ok: false,
        reason: "notFound",
      });
    // Refused before comparing, even for the right ID number: otherwise the refusal would leak which guess was right.
    expect(await lookupCase({ ...wrong, idNumber: found.idNumber, ip: randomIp(), now: start })).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 3600,
    });
    expect(await lookupCase({ ...wrong, ip: randomIp(), now: later(start, 30 * MINUTE) })).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 1800,
    });
    for (let hour = 1; hour <= 24; hour++) {
      const now = later(start, hour * HOUR);
      expect(await lookupCase({ ...wrong, ip: randomIp(), now })).toEqual({ ok: false, reason: "notFound" });
      expect(await lookupCase({ ...wrong, ip: randomIp(), now })).toMatchObject({ reason: "throttled" });
    }
    // The rightful applicant, a day of attacks later, still gets in within the hour — never locked for good.
    expect(
      await lookupCase({ ...wrong, idNumber: found.idNumber, ip: randomIp(), now: later(start, 25 * HOUR) }),
    ).toMatchObject({ ok: true });
  });

  it("lets a browser that looked the number up before in while strangers have drained the number and its address", async () => {
    const found = await createLookupCase();
    const right = { number: found.number, idType: "CN_RESIDENT_ID", idNumber: found.idNumber } as const;
    const office = randomIp();
    const now = new Date();
    for (let attempt = 0; attempt < 25; attempt++)
      await lookupCase({ ...right, idNumber: randomCnId(), ip: office, now });
    expect(await lookupCase({ ...right, ip: office, now })).toMatchObject({ reason: "throttled" });
    expect(await lookupCase({ ...right, ip: office, provenBrowser: "applicants-phone", now })).toMatchObject({
      ok: true,
    });
    // The proven browser has its own small budget, which a stranger cannot spend.
    for (let attempt = 0; attempt < 5; attempt++)
      await lookupCase({
        ...right,
        idNumber: randomCnId(),
        ip: office,
        provenBrowser: "applicants-phone",
        now,
      });
    expect(await lookupCase({ ...right, ip: office, provenBrowser: "applicants-phone", now })).toMatchObject({
      reason: "throttled",
    });
    expect(
      await lookupCase({ ...right, ip: office, provenBrowser: "another-proven-browser", now }),
    ).toMatchObject({ ok: true });
  });

  it("never throttles a share link, however drained the number is", async () => {
    const found = await createLookupCase();
    const now = new Date();
    for (let attempt = 0; attempt < 8; attempt++)
      await lookupCase({
        number: found.number,
        idType: "CN_RESIDENT_ID",
        idNumber: randomCnId(),
        ip: randomIp(),
        now,
      });
    const { token } = signShareToken(found.number, now, shareLinkKey());
    expect(await lookupSharedCase(token, now)).toMatchObject({ ok: true, view: { number: found.number } });
  });

  it("spends nothing on correct answers: a busy office keeps looking up its cases", async () => {
    const found = await createLookupCase();
    const office = randomIp();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        lookupCase({
          number: found.number,
          idType: "CN_RESIDENT_ID",
          idNumber: found.idNumber,
          ip: office,
          now,
        }),
      ),
    );
    // In parallel some may wait on others' reservations, but most get through, and none is left spent.
    const outcomes = results.map((result) => (result.ok ? "ok" : result.reason));
    expect(outcomes.filter((outcome) => outcome === "ok").length, outcomes.join(",")).toBeGreaterThanOrEqual(
      5,
    );
    for (let attempt = 0; attempt < 30; attempt++) {
      expect(
        await lookupCase({
          number: found.number,
          idType: "CN_RESIDENT_ID",
          idNumber: found.idNumber,
          ip: office,
          now,
        }),
      ).toMatchObject({ ok: true });
    }
  });

  it("keeps the state in Postgres: a fresh client (a restart, another instance) still refuses", async () => {
    const number = generateApplicationNumber();
    const now = new Date();
    for (let attempt = 0; attempt < 5; attempt++)
      await lookupCase({ number, idType: "PASSPORT", idNumber: "E12345678", ip: null, now });
    await db.$disconnect();
    (globalThis as { prisma?: unknown }).prisma = undefined;
    expect(
      await lookupCase({
        number,
        idType: "PASSPORT",
        idNumber: "E12345678",
        ip: null,
        now: later(now, 1000),
      }),
    ).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 3599,
    });
  });
});
