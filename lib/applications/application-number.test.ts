import { describe, expect, it } from "vitest";
import {
  formatApplicationNumber,
  generateApplicationNumber,
  normalizeApplicationNumber,
  validateApplicationNumber,
} from "./application-number";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CANONICAL = /^EX[0-9A-HJKMNP-TV-Z]{9}$/;

function bytes(...values: number[]) {
  return () => Uint8Array.from(values);
}

// Deterministic, seedable source so the brute-force tests cover the same numbers on every run.
function seeded(seed: number) {
  let state = seed;
  return (n: number) =>
    Uint8Array.from({ length: n }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 24;
    });
}

describe("generateApplicationNumber", () => {
  it("turns random bytes into body symbols and appends the check symbol", () => {
    // Weights 2^8..2^1 on 0..7 sum to 494 ≡ 13 (mod 37); check 24 ("R") makes 518 = 14 × 37.
    expect(generateApplicationNumber(bytes(0, 1, 2, 3, 4, 5, 6, 7))).toBe("EX01234567R");
  });

  it("uses only the low 5 bits of each byte", () => {
    expect(generateApplicationNumber(bytes(32, 33, 34, 35, 36, 37, 38, 39))).toBe("EX01234567R");
    expect(generateApplicationNumber(bytes(255, 0, 0, 0, 0, 0, 0, 0)).slice(0, 3)).toBe("EXZ");
  });

  it("discards draws whose check value has no symbol (32–36) and draws again", () => {
    // Body ...01 needs check 35 and ...02 needs 33: both discarded. ...03 needs 31 ("Z").
    const draws = [
      [0, 0, 0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 0, 0, 2],
      [0, 0, 0, 0, 0, 0, 0, 3],
    ];
    let calls = 0;
    const number = generateApplicationNumber(() => Uint8Array.from(draws[calls++] ?? []));
    expect(number).toBe("EX00000003Z");
    expect(calls).toBe(3);
  });

  it("gives up on a random source that never produces a usable draw", () => {
    let calls = 0;
    const stuck = () => {
      calls++;
      return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1]);
    };
    expect(() => generateApplicationNumber(stuck)).toThrow(/random source/);
    expect(calls).toBe(64);
  });

  it("rejects a random source that returns too few bytes", () => {
    expect(() => generateApplicationNumber(bytes(1, 2, 3))).toThrow(RangeError);
  });

  it("by default draws from crypto.getRandomValues: valid, canonical, distinct", () => {
    const numbers = Array.from({ length: 2000 }, () => generateApplicationNumber());
    for (const number of numbers) {
      expect(number).toMatch(CANONICAL);
      expect(validateApplicationNumber(number)).toEqual({ ok: true, number });
    }
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe("check symbol: every typo of the kinds people make is detected", () => {
  const random = seeded(42);
  const samples = [
    "EX01234567R",
    "EX00000003Z",
    ...Array.from({ length: 20 }, () => generateApplicationNumber(random)),
  ];

  it.each(samples)("%s: every single substitution", (number) => {
    expect(validateApplicationNumber(number).ok).toBe(true);
    let mutations = 0;
    for (let i = 2; i < number.length; i++) {
      for (const symbol of ALPHABET) {
        if (symbol === number[i]) continue;
        const typo = number.slice(0, i) + symbol + number.slice(i + 1);
        expect(validateApplicationNumber(typo)).toEqual({
          ok: false,
          error: "applicationNumber.checkCharacter",
        });
        mutations++;
      }
    }
    expect(mutations).toBe(9 * 31);
  });

  it.each(samples)("%s: every transposition, adjacent or not", (number) => {
    let mutations = 0;
    for (let i = 2; i < number.length; i++) {
      for (let j = i + 1; j < number.length; j++) {
        if (number[i] === number[j]) continue;
        const chars = number.split("");
        [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
        expect(validateApplicationNumber(chars.join(""))).toEqual({
          ok: false,
          error: "applicationNumber.checkCharacter",
        });
        mutations++;
      }
    }
    expect(mutations).toBeGreaterThan(0);
  });
});

describe("normalizeApplicationNumber", () => {
  it.each([
    ["EX01234567R", "EX01234567R"],
    ["ex01234567r", "EX01234567R"],
    ["EX-012-345-67R", "EX01234567R"],
    ["  ex 012 345 67r ", "EX01234567R"],
    ["EX–012—345‐67R", "EX01234567R"],
    ["ＥＸ－０１２－３４５－６７Ｒ", "EX01234567R"],
    ["01234567R", "EX01234567R"],
    ["012-345-67r", "EX01234567R"],
    ["EXO1234567R", "EX01234567R"],
    ["exoi2345l7r", "EX01234517R"],
    ["EXI1L1O0O0O", "EX111100000"],
    ["EXAMPLE", "EXAMPLE"],
    ["EX0123", "EX0123"],
    ["", ""],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeApplicationNumber(raw)).toBe(expected);
  });

  it("maps confusables only in the body", () => {
    // 11 characters without the EX prefix are not an application number and are left alone.
    expect(normalizeApplicationNumber("OX01234567R")).toBe("OX01234567R");
  });
});

describe("validateApplicationNumber", () => {
  it.each(["EX01234567R", "ex-012-345-67r", "01234567R", "EXO1234567R", " 012 345 67R "])(
    "accepts %j",
    (raw) => {
      expect(validateApplicationNumber(raw)).toEqual({ ok: true, number: "EX01234567R" });
    },
  );

  it.each([
    "",
    "EX",
    "EX01234567",
    "EX01234567R0",
    "EX0123456UR",
    "EX0123456*R",
    "XX01234567R",
    "EY01234567R",
    "01234567",
    "EX 01234567 R?",
  ])("rejects the format of %j", (raw) => {
    expect(validateApplicationNumber(raw)).toEqual({ ok: false, error: "applicationNumber.format" });
  });

  it("rejects a wrong check symbol", () => {
    expect(validateApplicationNumber("EX01234567S")).toEqual({
      ok: false,
      error: "applicationNumber.checkCharacter",
    });
  });
});

describe("formatApplicationNumber", () => {
  it.each([
    ["EX01234567R", "EX-012-345-67R"],
    ["ex 01234567r", "EX-012-345-67R"],
    ["01234567R", "EX-012-345-67R"],
  ])("%j → %j", (number, display) => {
    expect(formatApplicationNumber(number)).toBe(display);
  });

  it.each(["", "EX0123", "not a number", "EX0123456UR"])("returns %j unchanged", (number) => {
    expect(formatApplicationNumber(number)).toBe(number);
  });
});
