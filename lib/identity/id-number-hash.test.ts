import { describe, expect, it } from "vitest";
import { hashIdNumber } from "./id-number-hash";

const KEY = "test-key-0123456789abcdef0123456789";

describe("hashIdNumber", () => {
  // Expected values from: printf '%s' "CN_RESIDENT_ID:11010519491231002X" | openssl dgst -sha256 -hmac "$KEY"
  it("is HMAC-SHA256 over type:number, in lowercase hex", () => {
    expect(hashIdNumber("CN_RESIDENT_ID", "11010519491231002X", KEY)).toBe(
      "b13d16760f0859a222f2b9cbe4f5b8097f8591aaade9b18a2ce23b12f7b4bebe",
    );
    expect(hashIdNumber("PASSPORT", "E12345678", KEY)).toBe(
      "4165ba3e343022bca64d13c9abcb2561c53c22e66837d3ac95efc559da44d97c",
    );
  });

  it("gives the same hash for every spelling of the same number", () => {
    const canonical = hashIdNumber("CN_RESIDENT_ID", "11010519491231002X", KEY);
    expect(hashIdNumber("CN_RESIDENT_ID", " 110105 19491231 002x ", KEY)).toBe(canonical);
    expect(hashIdNumber("CN_RESIDENT_ID", "１１０１０５１９４９１２３１００２Ｘ", KEY)).toBe(canonical);
  });

  it("separates types, numbers and keys", () => {
    const base = hashIdNumber("PASSPORT", "E12345678", KEY);
    expect(hashIdNumber("CN_RESIDENT_ID", "E12345678", KEY)).not.toBe(base);
    expect(hashIdNumber("PASSPORT", "E12345679", KEY)).not.toBe(base);
    expect(hashIdNumber("PASSPORT", "E12345678", `${KEY}x`)).not.toBe(base);
  });

  it("refuses an empty key, which would make it a plain, reversible hash", () => {
    expect(() => hashIdNumber("PASSPORT", "E12345678", "")).toThrow(RangeError);
  });
});
