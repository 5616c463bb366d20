import type * as CryptoModule from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/track/route";
import { generateApplicationNumber } from "@/lib/applications/application-number";
import type * as IdHashModule from "@/lib/identity/id-number-hash";
import { hashIdNumber } from "@/lib/identity/id-number-hash";
import type * as RateLimitModule from "@/lib/rate-limit/mutations";
import { releaseAttempt, reserveAttempt } from "@/lib/rate-limit/mutations";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { timingSafeEqual } from "node:crypto";
import type * as DataModule from "./data";
import { findLookupCandidate, findPublicCase } from "./data";
import { createLookupCase, randomCnId, randomIp } from "./lookup.fixtures";

// POST /api/track, called as Next calls it. Lives here because Vitest runs lib/** only.
withTestDatabase();

// The steps of decision 006's "same work", watched where the lookup calls them (each still does its real work).
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof CryptoModule>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});
vi.mock("@/lib/identity/id-number-hash", async (importOriginal) => {
  const actual = await importOriginal<typeof IdHashModule>();
  return { ...actual, hashIdNumber: vi.fn(actual.hashIdNumber) };
});
vi.mock("@/lib/rate-limit/mutations", async (importOriginal) => {
  const actual = await importOriginal<typeof RateLimitModule>();
  return {
    ...actual,
    reserveAttempt: vi.fn(actual.reserveAttempt),
    releaseAttempt: vi.fn(actual.releaseAttempt),
  };
});
vi.mock("./data", async (importOriginal) => {
  const actual = await importOriginal<typeof DataModule>();
  return {
    ...actual,
    findLookupCandidate: vi.fn(actual.findLookupCandidate),
    findPublicCase: vi.fn(actual.findPublicCase),
  };
});

function post(body: unknown, { ip = randomIp(), contentType = "application/json" } = {}) {
  return POST(
    new Request("http://localhost/api/track", {
      method: "POST",
      headers: { "content-type": contentType, "x-forwarded-for": ip },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function snapshot(response: Response) {
  return {
    status: response.status,
    cacheControl: response.headers.get("cache-control"),
    contentType: response.headers.get("content-type"),
    body: await response.text(),
  };
}

/**
 * What one request did: every SQL statement sent to Postgres (its text, which names no value, and how
 * many parameters it bound), and each step of the lookup with the shape of its arguments.
 */
async function workOf(request: () => Promise<Response>) {
  vi.clearAllMocks();
  const sent = vi.spyOn(pg.Client.prototype, "query");
  try {
    const response = await snapshot(await request());
    const sql = sent.mock.calls.map(([query, values]) => {
      const statement = typeof query === "string" ? { text: query, values } : (query as pg.QueryConfig);
      const bound = statement.values ?? (Array.isArray(values) ? values : []);
      return `${statement.text.replace(/\s+/g, " ").trim()} [${bound.length} parameters]`;
    });
    const steps = {
      reserveAttempt: vi
        .mocked(reserveAttempt)
        .mock.calls.map(([checks]) => checks.map((check) => check.limit)),
      findLookupCandidate: vi.mocked(findLookupCandidate).mock.calls.length,
      hashIdNumber: vi.mocked(hashIdNumber).mock.calls.map(([idType]) => idType),
      timingSafeEqual: vi.mocked(timingSafeEqual).mock.calls.map(([a, b]) => [a.byteLength, b.byteLength]),
      releaseAttempt: vi.mocked(releaseAttempt).mock.calls.length,
      findPublicCase: vi.mocked(findPublicCase).mock.calls.length,
    };
    return { response, sql, steps };
  } finally {
    sent.mockRestore();
  }
}

describe("POST /api/track", () => {
  it("answers the right number and ID number with the public view, no-store", async () => {
    const found = await createLookupCase();
    const response = await post({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: found.idNumber });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      number: found.number,
      applicantName: "张*三",
      currentNode: "MATERIAL_CHECK",
      progress: { currentNode: "MATERIAL_CHECK" },
    });
    expect(JSON.stringify(body)).not.toContain(found.idNumber);
  });

  it("answers a wrong ID number and an unknown number alike, after the same work (decision 006)", async () => {
    const cases = [await createLookupCase(), await createLookupCase()];
    for (const found of cases) {
      // Each on a fresh number and address, so no throttle interferes.
      const wrong = await workOf(() =>
        post({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: randomCnId() }),
      );
      const unknown = await workOf(() =>
        post({ number: generateApplicationNumber(), idType: "CN_RESIDENT_ID", idNumber: found.idNumber }),
      );
      expect(unknown.response).toStrictEqual(wrong.response);
      expect(wrong.response).toEqual({
        status: 404,
        cacheControl: "no-store",
        contentType: "application/json",
        body: '{"error":"not_found"}',
      });
      // The same statements in the same order, and the same steps: one reservation on the number's
      // and the address's limits, one read, one HMAC, one 32-byte constant-time compare, nothing released.
      expect(unknown.sql).toEqual(wrong.sql);
      expect(unknown.steps).toEqual(wrong.steps);
      expect(wrong.steps).toEqual({
        reserveAttempt: [[expect.anything(), expect.anything()]],
        findLookupCandidate: 1,
        hashIdNumber: ["CN_RESIDENT_ID"],
        timingSafeEqual: [[32, 32]],
        releaseAttempt: 0,
        findPublicCase: 0,
      });
      expect(wrong.sql.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("does more work only for the right ID number: it gives the attempt back and reads the case", async () => {
    const found = await createLookupCase();
    const right = await workOf(() =>
      post({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: found.idNumber }),
    );
    expect(right.response.status).toBe(200);
    expect(right.steps).toMatchObject({
      hashIdNumber: ["CN_RESIDENT_ID"],
      releaseAttempt: 1,
      findPublicCase: 1,
    });
  });

  it("answers 429 with Retry-After once a number's attempts are spent", async () => {
    const found = await createLookupCase();
    for (let attempt = 0; attempt < 5; attempt++)
      expect(
        (await post({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: randomCnId() })).status,
      ).toBe(404);
    const response = await post({ number: found.number, idType: "CN_RESIDENT_ID", idNumber: found.idNumber });
    expect(response.status).toBe(429);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3590);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await response.json()).toEqual({ error: "too_many_attempts", retryAfterSeconds: retryAfter });
  });

  it("refuses malformed requests with 400 and never echoes the ID number", async () => {
    const secret = "G98765432";
    const broken = await post(
      `{"number":"${generateApplicationNumber()}","idType":"PASSPORT","idNumber":"${secret}"`,
    );
    expect(await snapshot(broken)).toMatchObject({
      status: 400,
      cacheControl: "no-store",
      body: '{"error":"invalid_json"}',
    });

    const invalid = await post({ number: "EX123", idType: "CN_RESIDENT_ID", idNumber: `${secret}12345678X` });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("cache-control")).toBe("no-store");
    const body = await invalid.text();
    expect(JSON.parse(body)).toEqual({
      error: "invalid_request",
      fields: { number: "format", idNumber: "format" },
    });
    expect(body).not.toContain(secret);

    expect(await snapshot(await post([]))).toMatchObject({ status: 400, cacheControl: "no-store" });
    expect(await snapshot(await post("x".repeat(5000)))).toMatchObject({
      status: 400,
      cacheControl: "no-store",
    });
    expect(
      await snapshot(
        await post("number=EX&idNumber=1", { contentType: "application/x-www-form-urlencoded" }),
      ),
    ).toMatchObject({
      status: 415,
      cacheControl: "no-store",
    });
  });

  it("answers other methods with 405", async () => {
    const response = await GET(new Request("http://localhost/api/track?number=EX"));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
