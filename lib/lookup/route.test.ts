import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/track/route";
import { generateApplicationNumber } from "@/lib/applications/application-number";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { createLookupCase, randomCnId, randomIp } from "./lookup.fixtures";

// POST /api/track, called as Next calls it. Lives here because Vitest runs lib/** only.
withTestDatabase();

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

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
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

  it("answers a wrong ID number and an unknown number alike: status, headers and body bytes (timings reported, not asserted)", async () => {
    const RUNS = 20;
    const cases = [];
    for (let run = 0; run < RUNS; run++) cases.push(await createLookupCase());
    const wrongId: number[] = [];
    const unknown: number[] = [];
    let first:
      | { wrong: Awaited<ReturnType<typeof snapshot>>; unknown: Awaited<ReturnType<typeof snapshot>> }
      | undefined;
    // Interleaved, each on a fresh number and address so no throttle interferes.
    for (let run = 0; run < RUNS; run++) {
      let started = performance.now();
      const wrong = await snapshot(
        await post({ number: cases[run]!.number, idType: "CN_RESIDENT_ID", idNumber: randomCnId() }),
      );
      wrongId.push(performance.now() - started);
      started = performance.now();
      const missing = await snapshot(
        await post({
          number: generateApplicationNumber(),
          idType: "CN_RESIDENT_ID",
          idNumber: cases[run]!.idNumber,
        }),
      );
      unknown.push(performance.now() - started);
      expect(missing).toStrictEqual(wrong);
      first ??= { wrong, unknown: missing };
    }
    expect(first!.wrong).toEqual({
      status: 404,
      cacheControl: "no-store",
      contentType: "application/json",
      body: '{"error":"not_found"}',
    });
    console.log(
      `lookup timing over ${RUNS} runs each: median wrong ID ${median(wrongId).toFixed(2)} ms, median unknown number ${median(unknown).toFixed(2)} ms`,
    );
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
    const response = GET();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
