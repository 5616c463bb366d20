import { describe, expect, it } from "vitest";
import { sharedValue } from "./shared-value";

function counter() {
  let loads = 0;
  return { load: async () => ++loads, loads: () => loads };
}

describe("sharedValue", () => {
  it("loads once for a burst of callers and keeps the value until it expires", async () => {
    let now = 0;
    const source = counter();
    const shared = sharedValue(5000, source.load, () => now);
    expect(await Promise.all([shared.get(), shared.get(), shared.get()])).toEqual([1, 1, 1]);
    now = 4999;
    expect(await shared.get()).toBe(1);
    now = 5000;
    expect(await shared.get()).toBe(2);
    expect(source.loads()).toBe(2);
  });

  it("loads again after forget", async () => {
    const source = counter();
    const shared = sharedValue(60_000, source.load);
    await shared.get();
    shared.forget();
    expect(await shared.get()).toBe(2);
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const shared = sharedValue(60_000, async () => {
      if (fail) throw new Error("database down");
      return "counts";
    });
    await expect(shared.get()).rejects.toThrow("database down");
    fail = false;
    expect(await shared.get()).toBe("counts");
  });
});
