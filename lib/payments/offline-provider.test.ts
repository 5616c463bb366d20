import { describe, expect, it } from "vitest";
import { offlinePaymentProvider, paymentReferenceFor } from "./offline-provider";

const NOW = new Date("2026-03-10T04:00:00Z");
const request = {
  idempotencyKey: "application:1",
  amountMinor: 22_000,
  currency: "CNY",
  description: "EX01234567R",
};

describe("paymentReferenceFor", () => {
  it("is stable per key, distinct across keys, and readable", () => {
    expect(paymentReferenceFor("application:1")).toBe(paymentReferenceFor("application:1"));
    expect(paymentReferenceFor("application:1")).not.toBe(paymentReferenceFor("application:2"));
    const references = Array.from({ length: 1000 }, (_, index) =>
      paymentReferenceFor(`application:${index}`),
    );
    expect(new Set(references).size).toBe(1000);
    for (const reference of references)
      expect(reference).toMatch(/^PAY-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });
});

describe("offlinePaymentProvider", () => {
  const provider = offlinePaymentProvider(() => NOW);

  it("simulates an online payment that succeeds at once", async () => {
    expect(await provider.createPayment({ ...request, method: "online" })).toEqual({
      status: "PAID",
      provider: "simulated",
      reference: paymentReferenceFor("application:1"),
      paidAt: NOW,
    });
  });

  it("leaves a counter payment due, with the same reference a retry would get", async () => {
    const first = await provider.createPayment({ ...request, method: "counter" });
    expect(first).toEqual({
      status: "PENDING",
      provider: "counter",
      reference: paymentReferenceFor("application:1"),
    });
    expect(await provider.createPayment({ ...request, method: "counter" })).toEqual(first);
    expect(await provider.confirm(first.reference)).toEqual({
      status: "PAID",
      provider: "counter",
      reference: first.reference,
      paidAt: NOW,
    });
  });

  it("refuses nonsense", async () => {
    await expect(provider.createPayment({ ...request, amountMinor: -1, method: "online" })).rejects.toThrow(
      RangeError,
    );
    await expect(provider.confirm("PAY-nope")).rejects.toThrow(RangeError);
  });
});
