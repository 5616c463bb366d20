import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import type { RateLimit } from "./gcra";
import { deleteIdleRateLimits, releaseAttempt, reserveAttempt } from "./mutations";

withTestDatabase();

const limit: RateLimit = { name: "test", burst: 5, intervalSeconds: 60 };
const wide: RateLimit = { name: "test-wide", burst: 50, intervalSeconds: 60 };

describe("reserveAttempt", () => {
  it("grants exactly the burst to 100 requests arriving at once", async () => {
    const key = randomUUID();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => reserveAttempt([{ limit, key }], now)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(
      results.filter((result) => !result.ok).every((result) => !result.ok && result.retryAfterSeconds === 60),
    ).toBe(true);
  });

  it("takes nothing from any key when one key refuses", async () => {
    const [narrow, broad] = [randomUUID(), randomUUID()];
    const now = new Date();
    for (let attempt = 0; attempt < 5; attempt++)
      expect(await reserveAttempt([{ limit, key: narrow }], now)).toMatchObject({ ok: true });
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(
        await reserveAttempt(
          [
            { limit: wide, key: broad },
            { limit, key: narrow },
          ],
          now,
        ),
      ).toEqual({ ok: false, retryAfterSeconds: 60 });
    }
    // The broad key lost nothing to the refused attempts: all 50 are still there.
    const alone = await Promise.all(
      Array.from({ length: 51 }, () => reserveAttempt([{ limit: wide, key: broad }], now)),
    );
    expect(alone.filter((result) => result.ok)).toHaveLength(50);
  });

  it("gives an attempt back on release, and earns one per interval", async () => {
    const key = randomUUID();
    const now = new Date();
    const reservations = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await reserveAttempt([{ limit, key }], now);
      if (!result.ok) throw new Error("expected a reservation");
      reservations.push(result.reservation);
    }
    expect(await reserveAttempt([{ limit, key }], now)).toMatchObject({ ok: false });
    await releaseAttempt(reservations[0]!);
    expect(await reserveAttempt([{ limit, key }], now)).toMatchObject({ ok: true });
    expect(await reserveAttempt([{ limit, key }], new Date(now.getTime() + 59_000))).toEqual({
      ok: false,
      retryAfterSeconds: 1,
    });
    expect(await reserveAttempt([{ limit, key }], new Date(now.getTime() + 60_000))).toMatchObject({
      ok: true,
    });
  });

  it("keeps limits with the same key apart by their names", async () => {
    const key = randomUUID();
    const now = new Date();
    for (let attempt = 0; attempt < 5; attempt++) await reserveAttempt([{ limit, key }], now);
    expect(await reserveAttempt([{ limit: { ...limit, name: "other" }, key }], now)).toMatchObject({
      ok: true,
    });
  });

  it("forgets keys that are whole again", async () => {
    const key = randomUUID();
    const now = new Date();
    await reserveAttempt([{ limit, key }], now);
    await deleteIdleRateLimits(new Date(now.getTime() + 61_000));
    expect(await db.rateLimit.findUnique({ where: { key: `test:${key}` } })).toBeNull();
  });
});
