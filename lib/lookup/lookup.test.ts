import { describe, expect, it } from "vitest";
import { generateApplicationNumber } from "@/lib/applications/application-number";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { lookupCase } from "./lookup";
import { EMAIL, INTERNAL_NOTE, PHONE, PUBLIC_NOTE, createLookupCase, randomCnId, randomIp, throttleRow } from "./test-fixtures";

withTestDatabase();

const MINUTE = 60_000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe("lookupCase", () => {
  it("shows the public view for the right number and ID number, and nothing private", async () => {
    const found = await createLookupCase();
    const result = await lookupCase({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: found.idNumber, ip: randomIp(), now: new Date() });

    expect(result).toMatchObject({
      ok: true,
      view: { number: found.number, applicantName: "张*三", tier: "URGENT", currentNode: "MATERIAL_CHECK", status: "IN_PROGRESS", service: { nameEn: "Passport urgent renewal" } },
    });
    const text = JSON.stringify(result);
    for (const secret of [INTERNAL_NOTE, PUBLIC_NOTE, PHONE, EMAIL, "张小三", "Rita Reviewer", found.idNumber, found.idNumber.slice(0, 6), "surgery abroad", found.reviewer.id, found.applicant.id, found.id]) {
      expect(text).not.toContain(secret);
    }
    if (!result.ok) throw new Error("expected a view");
    const material = result.view.progress.steps.find((step) => step.node === "MATERIAL_CHECK")!;
    expect(material).toMatchObject({ state: "current", handledBy: ["staff"] });
    expect(material.withheldNotesAt).toHaveLength(1);
    // The internal-only note is not even an event of the public history.
    expect(result.view.history.map((event) => event.action)).toEqual(["SUBMITTED", "ADVANCED"]);
  });

  it("gives a wrong ID number and an unknown number the same answer, and counts both", async () => {
    const found = await createLookupCase();
    const unknown = generateApplicationNumber();
    const ip = randomIp();
    const now = new Date();
    const wrongId = await lookupCase({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: randomCnId(), ip, now });
    const wrongType = await lookupCase({ number: found.number, idType: "PASSPORT", idNumber: found.idNumber, ip, now });
    const unknownNumber = await lookupCase({ number: unknown, idType: "CN_RESIDENT_ID", idNumber: found.idNumber, ip, now });

    expect(wrongId).toEqual({ ok: false, reason: "notFound" });
    expect(wrongType).toStrictEqual(wrongId);
    expect(unknownNumber).toStrictEqual(wrongId);
    expect(await throttleRow(`ip:${ip}`)).toMatchObject({ failures: 3 });
    expect(await throttleRow(`number:${found.number}`)).toMatchObject({ failures: 2 });
    expect(await throttleRow(`number:${unknown}`)).toMatchObject({ failures: 1 });
  });

  it("locks a number after five failures from any addresses, with a cooldown that grows, and resets it on success", async () => {
    const found = await createLookupCase();
    const wrong = { number: found.number, idType: "CN_RESIDENT_ID", idNumber: randomCnId() } as const;
    const right = { ...wrong, idNumber: found.idNumber };
    const start = new Date();
    for (let attempt = 0; attempt < 5; attempt++) expect(await lookupCase({ ...wrong, ip: randomIp(), now: start })).toEqual({ ok: false, reason: "notFound" });

    // Locked even for the right ID number: otherwise the lock would leak which guess was right.
    expect(await lookupCase({ ...right, ip: randomIp(), now: start })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 60 });
    expect(await lookupCase({ ...right, ip: randomIp(), now: later(start, 30_000) })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 30 });

    const afterFirst = later(start, MINUTE + 1000);
    expect(await lookupCase({ ...wrong, ip: randomIp(), now: afterFirst })).toEqual({ ok: false, reason: "notFound" });
    expect(await lookupCase({ ...right, ip: randomIp(), now: afterFirst })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 120 });

    const afterSecond = later(afterFirst, 2 * MINUTE + 1000);
    expect(await lookupCase({ ...right, ip: randomIp(), now: afterSecond })).toMatchObject({ ok: true });
    expect(await throttleRow(`number:${found.number}`)).toBeNull();
    expect(await lookupCase({ ...wrong, ip: randomIp(), now: afterSecond })).toEqual({ ok: false, reason: "notFound" });
    expect(await throttleRow(`number:${found.number}`)).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("locks an address after twenty failures on any numbers; a success does not unlock it", async () => {
    const found = await createLookupCase();
    const ip = randomIp();
    const now = new Date();
    const probe = () => lookupCase({ number: generateApplicationNumber(), idType: "PASSPORT", idNumber: "E12345678", ip, now });
    for (let attempt = 0; attempt < 19; attempt++) expect(await probe()).toEqual({ ok: false, reason: "notFound" });
    expect(await lookupCase({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: found.idNumber, ip, now })).toMatchObject({ ok: true });
    expect(await probe()).toEqual({ ok: false, reason: "notFound" });
    expect(await lookupCase({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: found.idNumber, ip, now })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 60 });
    // Another address is not affected.
    expect(await lookupCase({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: found.idNumber, ip: randomIp(), now })).toMatchObject({ ok: true });
    expect(await throttleRow(`ip:${ip}`)).toMatchObject({ failures: 20 });
  });

  it("keeps the state in Postgres: a fresh client (a restart, another instance) still sees the lock", async () => {
    const number = generateApplicationNumber();
    const now = new Date();
    for (let attempt = 0; attempt < 5; attempt++) await lookupCase({ number, idType: "PASSPORT", idNumber: "E12345678", ip: null, now });
    await db.$disconnect();
    (globalThis as { prisma?: unknown }).prisma = undefined;
    expect(await lookupCase({ number, idType: "PASSPORT", idNumber: "E12345678", ip: null, now: later(now, 1000) })).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 59,
    });
  });

  it("forgets a key's failures after a quiet day", async () => {
    const number = generateApplicationNumber();
    const now = new Date();
    for (let attempt = 0; attempt < 7; attempt++) await lookupCase({ number, idType: "PASSPORT", idNumber: "E12345678", ip: null, now: later(now, attempt * 10 * MINUTE) });
    expect(await throttleRow(`number:${number}`)).toMatchObject({ failures: 7 });
    await lookupCase({ number, idType: "PASSPORT", idNumber: "E12345678", ip: null, now: later(now, 25 * 60 * MINUTE) });
    expect(await throttleRow(`number:${number}`)).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
