import { describe, expect, it, vi } from "vitest";
import { sessionExpired } from "@/lib/action-result";
import { formatApplicationNumber, generateApplicationNumber } from "@/lib/applications/application-number";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { createShareLink, trackCase } from "./actions";
import { lookupSharedCase } from "./lookup";
import { shareLinkKey, signShareToken } from "./share-token";
import { createLookupCase, randomCnId, rateLimitRow } from "./lookup.fixtures";
import { LOOKUP_PER_ADDRESS } from "./throttle";
import { formData, signedInAs } from "@/lib/testing/action-session";

// The actions read the session and the request headers themselves: stand in for both.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
const CLIENT_IP = "203.0.113.77";
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": CLIENT_IP }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (cookie: { name: string; value: string }) => void jar.set(cookie.name, cookie.value),
  }),
}));

withTestDatabase();

const HOUR = 3_600_000;

describe("trackCase (the /track form)", () => {
  it("explains a typo in the number without looking anything up", async () => {
    const number = generateApplicationNumber();
    const typo = number.slice(0, -1) + (number.endsWith("0") ? "1" : "0");
    expect(
      await trackCase(null, formData({ number: typo, idType: "PASSPORT", idNumber: "E12345678" })),
    ).toEqual({
      ok: false,
      message: "errors.checkFields",
      fieldErrors: { number: ["track.errors.applicationNumber.checkCharacter"] },
    });
    expect(await rateLimitRow(LOOKUP_PER_ADDRESS, CLIENT_IP)).toBeNull();
  });

  it("answers found, the generic not-found, and spends attempts of the resolved client address", async () => {
    jar.clear();
    const found = await createLookupCase();
    const ok = await trackCase(
      null,
      formData({
        number: formatApplicationNumber(found.number),
        idType: "CN_RESIDENT_ID",
        idNumber: found.idNumber,
      }),
    );
    expect(ok).toMatchObject({ ok: true, data: { number: found.number, applicantName: "张*三" } });
    jar.clear();
    expect(
      await trackCase(
        null,
        formData({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: randomCnId() }),
      ),
    ).toEqual({ ok: false, message: "track.notFound" });
    expect(await rateLimitRow(LOOKUP_PER_ADDRESS, CLIENT_IP)).not.toBeNull();
  });

  it("remembers the browser after a correct lookup and lets it in while a stranger has drained the number", async () => {
    jar.clear();
    const found = await createLookupCase();
    const right = { number: found.number, idType: "CN_RESIDENT_ID", idNumber: found.idNumber };
    expect(await trackCase(null, formData(right))).toMatchObject({ ok: true });
    const applicantsCookies = new Map(jar);
    jar.clear();
    for (let attempt = 0; attempt < 5; attempt++)
      await trackCase(null, formData({ ...right, idNumber: randomCnId() }));
    expect(await trackCase(null, formData(right))).toMatchObject({ ok: false, message: "track.throttled" });
    for (const [name, value] of applicantsCookies) jar.set(name, value);
    expect(await trackCase(null, formData(right))).toMatchObject({ ok: true });
  });
});

describe("share links", () => {
  it("are made by the case's applicant and show its public view until they expire", async () => {
    const found = await createLookupCase();
    signedInAs(found.applicant);
    const result = await createShareLink(null, formData({ number: formatApplicationNumber(found.number) }));
    if (!result.ok) throw new Error(`expected a link, got ${result.message}`);
    expect(result.data.path).toMatch(
      new RegExp(`^/track/s/${found.number}\\.[0-9a-z]+\\.[A-Za-z0-9_-]{22}$`),
    );
    expect(result.data.path).not.toContain(found.idNumber);
    expect(result.data.expiresAt.getTime()).toBeGreaterThan(Date.now() + 71 * HOUR);

    const token = result.data.path.slice("/track/s/".length);
    expect(await lookupSharedCase(token, new Date())).toMatchObject({
      ok: true,
      view: { number: found.number, applicantName: "张*三" },
    });
    expect(await lookupSharedCase(token, new Date(Date.now() + 73 * HOUR))).toMatchObject({
      ok: false,
      reason: "expired",
    });
    const [payloadNumber, expiry, signature] = token.split(".") as [string, string, string];
    const tampered = `${payloadNumber}.${expiry}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    expect(await lookupSharedCase(tampered, new Date())).toEqual({ ok: false, reason: "invalid" });
  });

  it("are refused for someone else's case, for staff and without a session, alike for unknown numbers", async () => {
    const found = await createLookupCase();
    signedInAs(await createTestUser("APPLICANT"));
    expect(await createShareLink(null, formData({ number: found.number }))).toEqual({
      ok: false,
      message: "track.share.unavailable",
    });
    expect(await createShareLink(null, formData({ number: generateApplicationNumber() }))).toEqual({
      ok: false,
      message: "track.share.unavailable",
    });
    signedInAs(await createTestUser("SUPERVISOR"));
    expect(await createShareLink(null, formData({ number: found.number }))).toEqual({
      ok: false,
      message: "errors.notAuthorized",
    });
    signedInAs(null);
    expect(await createShareLink(null, formData({ number: found.number }))).toEqual(sessionExpired());
  });

  it("a valid link to a number that does not exist is just invalid", async () => {
    const { token } = signShareToken(generateApplicationNumber(), new Date(), shareLinkKey());
    expect(await lookupSharedCase(token, new Date())).toEqual({ ok: false, reason: "invalid" });
  });
});
