import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_RETRY_POLICY, isRetryableDatabaseError, retryDelayMs, withRetry } from "./retry-policy";

const known = (code: string, message: string, meta: Record<string, unknown> = {}) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7", meta });
const fromDriver = (code: string, originalCode: string) =>
  known(code, `Raw query failed. Code: \`${originalCode}\``, {
    driverAdapterError: {
      name: "DriverAdapterError",
      cause: { originalCode, kind: "TransactionWriteConflict" },
    },
  });

describe("isRetryableDatabaseError", () => {
  it.each([
    [
      "no connection for a transaction within maxWait",
      known("P2028", "Transaction API error: Unable to start a transaction in the given time."),
    ],
    [
      "a write conflict or deadlock on a model query",
      known("P2034", "Transaction failed due to a write conflict or a deadlock"),
    ],
    ["a serialization failure on a raw query", fromDriver("P2010", "40001")],
    ["a deadlock on a raw query", fromDriver("P2010", "40P01")],
    [
      "the driver's own error for a serialization failure at commit",
      Object.assign(new Error("TransactionWriteConflict"), {
        name: "DriverAdapterError",
        cause: { kind: "TransactionWriteConflict", originalCode: "40001" },
      }),
    ],
    [
      "pg-pool finding no free connection for a statement",
      new Error("timeout exceeded when trying to connect"),
    ],
  ])("retries %s", (_name, error) => {
    expect(isRetryableDatabaseError(error)).toBe(true);
  });

  it.each([
    [
      "a transaction that ran past its timeout",
      known(
        "P2028",
        "Transaction API error: Transaction already closed: the timeout for this transaction was 5000 ms",
      ),
    ],
    ["a unique violation", known("P2002", "Unique constraint failed")],
    ["another SQLSTATE from the driver", fromDriver("P2010", "23505")],
    ["an unreachable database", known("P1001", "Can't reach database server at 127.0.0.1:9")],
    ["an ordinary error", new Error("boom")],
    ["a string", "P2034"],
    ["null", null],
  ])("does not retry %s", (_name, error) => {
    expect(isRetryableDatabaseError(error)).toBe(false);
  });
});

describe("retryDelayMs", () => {
  it("waits between zero and a cap that doubles from the base up to the maximum", () => {
    const policy = { attempts: 6, baseDelayMs: 25, maxDelayMs: 150 };
    expect([1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry, policy, () => 0.999999))).toEqual([
      24, 49, 99, 149, 149,
    ]);
    expect([1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry, policy, () => 0))).toEqual([0, 0, 0, 0, 0]);
  });

  it("spreads the waits at random (full jitter)", () => {
    const waits = new Set(Array.from({ length: 50 }, () => retryDelayMs(3)));
    expect(waits.size).toBeGreaterThan(10);
    for (const ms of waits) {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(4 * DEFAULT_RETRY_POLICY.baseDelayMs);
    }
  });
});

describe("withRetry", () => {
  const deadlock = known("P2034", "deadlock");
  const noSleep = { sleep: async () => {} };

  it("tries again after a retryable failure and returns the eventual result", async () => {
    let calls = 0;
    const slept: number[] = [];
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw deadlock;
        return "done";
      },
      { sleep: async (ms) => void slept.push(ms), random: () => 0.5 },
    );
    expect(result).toBe("done");
    expect(calls).toBe(3);
    expect(slept).toEqual([12, 25]);
  });

  it("gives up after the policy's number of attempts with the last error", async () => {
    let calls = 0;
    const failing = withRetry(async () => {
      calls += 1;
      throw deadlock;
    }, noSleep);
    await expect(failing).rejects.toBe(deadlock);
    expect(calls).toBe(DEFAULT_RETRY_POLICY.attempts);
  });

  it("never retries an error that is not retryable", async () => {
    let calls = 0;
    const unique = known("P2002", "Unique constraint failed");
    await expect(
      withRetry(async () => {
        calls += 1;
        throw unique;
      }, noSleep),
    ).rejects.toBe(unique);
    expect(calls).toBe(1);
  });
});
