import { describe, expect, it } from "vitest";
import { isIdType, makeCnResidentId, maskIdNumber, normalizeIdNumber, validateIdNumber } from "./id-number";

// The example from GB 11643-1999 itself.
const STANDARD_EXAMPLE = "11010519491231002X";
const NOW = new Date("2024-06-01T12:00:00Z");

// Independent oracle: the ISO 7064 MOD 11-2 formulation (weights 2^(i) mod 11, check = (12 - sum mod 11) mod 11),
// rather than the GB lookup table the implementation uses.
function oracleCheckChar(prefix17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(prefix17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? "X" : String(value);
}

describe("isIdType", () => {
  it("accepts exactly the two types", () => {
    expect(isIdType("CN_RESIDENT_ID")).toBe(true);
    expect(isIdType("PASSPORT")).toBe(true);
    expect(isIdType("passport")).toBe(false);
    expect(isIdType(undefined)).toBe(false);
  });
});

describe("normalizeIdNumber", () => {
  it.each([
    ["  11010519491231002x ", STANDARD_EXAMPLE],
    ["110105 1949 1231 002X", STANDARD_EXAMPLE],
    ["110105\t19491231\u3000002X", STANDARD_EXAMPLE],
    ["１１０１０５１９４９１２３１００２ｘ", STANDARD_EXAMPLE],
  ])("CN %j", (raw, expected) => {
    expect(normalizeIdNumber("CN_RESIDENT_ID", raw)).toBe(expected);
  });

  it("uppercases passports and removes spaces", () => {
    expect(normalizeIdNumber("PASSPORT", " ea 123 4567 ")).toBe("EA1234567");
  });
});

describe("validateIdNumber: CN resident ID", () => {
  it.each([
    STANDARD_EXAMPLE,
    "11010519491231002x",
    "440308199003071235",
    "110101199003074514",
    "110101200002290018",
  ])("accepts %s", (raw) => {
    expect(validateIdNumber("CN_RESIDENT_ID", raw, { now: NOW })).toEqual({
      ok: true,
      normalized: raw.toUpperCase(),
    });
  });

  it.each([
    "",
    "1101051949123100",
    "11010519491231002",
    "11010519491231002X1",
    "X1010519491231002X",
    "1101051949123100X2",
    "11010519491231002Y",
    "110105194912310A2X",
    "110105-19491231-002X",
  ])("rejects the format of %j", (raw) => {
    expect(validateIdNumber("CN_RESIDENT_ID", raw, { now: NOW })).toEqual({
      ok: false,
      error: "idNumber.format",
    });
  });

  it("rejects every wrong check character", () => {
    const wrong = "0123456789X".split("").filter((c) => c !== "X");
    expect(wrong).toHaveLength(10);
    for (const c of wrong) {
      expect(validateIdNumber("CN_RESIDENT_ID", STANDARD_EXAMPLE.slice(0, 17) + c, { now: NOW })).toEqual({
        ok: false,
        error: "idNumber.checksum",
      });
    }
  });

  it("catches every single-digit typo outside the birth date", () => {
    let mutations = 0;
    for (const position of [0, 1, 2, 3, 4, 5, 14, 15, 16]) {
      for (const digit of "0123456789") {
        if (digit === STANDARD_EXAMPLE[position]) continue;
        const typo = STANDARD_EXAMPLE.slice(0, position) + digit + STANDARD_EXAMPLE.slice(position + 1);
        expect(validateIdNumber("CN_RESIDENT_ID", typo, { now: NOW })).toEqual({
          ok: false,
          error: "idNumber.checksum",
        });
        mutations++;
      }
    }
    expect(mutations).toBe(81);
  });

  it("matches the ISO 7064 MOD 11-2 oracle and uses all 11 check characters", () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 1000; seq++) {
      const prefix = `32058219880808${String(seq).padStart(3, "0")}`;
      const id = makeCnResidentId(prefix);
      expect(id.slice(17)).toBe(oracleCheckChar(prefix));
      expect(validateIdNumber("CN_RESIDENT_ID", id, { now: NOW }).ok).toBe(true);
      seen.add(id.slice(17));
    }
    expect([...seen].sort()).toEqual("0123456789X".split(""));
  });

  it.each([
    ["19000101", true],
    ["18991231", false],
    ["20000229", true],
    ["19000229", false],
    ["20230229", false],
    ["20240229", true],
    ["19900431", false],
    ["19901231", true],
    ["19901232", false],
    ["19900001", false],
    ["19901301", false],
    ["19900100", false],
    ["00000000", false],
    ["20240601", true],
    ["20240602", false],
    ["29990101", false],
  ])("birth date %s valid: %s", (date, valid) => {
    const id = makeCnResidentId(`110105${date}123`);
    expect(validateIdNumber("CN_RESIDENT_ID", id, { now: NOW })).toEqual(
      valid ? { ok: true, normalized: id } : { ok: false, error: "idNumber.birthDate" },
    );
  });

  it("decides 'today' on China time, not UTC", () => {
    const bornJune2 = makeCnResidentId("11010520240602001");
    // 2024-06-01T16:30Z is 00:30 on 2 June in Beijing.
    expect(validateIdNumber("CN_RESIDENT_ID", bornJune2, { now: new Date("2024-06-01T16:30:00Z") }).ok).toBe(
      true,
    );
    expect(validateIdNumber("CN_RESIDENT_ID", bornJune2, { now: new Date("2024-06-01T15:59:00Z") })).toEqual({
      ok: false,
      error: "idNumber.birthDate",
    });
  });

  it("uses the current time when none is given", () => {
    // Two days either side of now, so the test cannot straddle midnight in any zone.
    const yyyymmdd = (offsetDays: number) =>
      new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
    expect(validateIdNumber("CN_RESIDENT_ID", makeCnResidentId(`110105${yyyymmdd(-2)}001`)).ok).toBe(true);
    expect(validateIdNumber("CN_RESIDENT_ID", makeCnResidentId(`110105${yyyymmdd(2)}001`))).toEqual({
      ok: false,
      error: "idNumber.birthDate",
    });
  });

  it("reports an impossible birth date before a bad checksum", () => {
    const badDateAndCheck = "110105199002301230";
    expect(makeCnResidentId(badDateAndCheck.slice(0, 17))).not.toBe(badDateAndCheck);
    expect(validateIdNumber("CN_RESIDENT_ID", badDateAndCheck, { now: NOW })).toEqual({
      ok: false,
      error: "idNumber.birthDate",
    });
  });
});

describe("validateIdNumber: passport", () => {
  it.each([
    ["E12345678", "E12345678"],
    ["EA1234567", "EA1234567"],
    [" g 1234567 ", "G1234567"],
    ["123456789", "123456789"],
    ["A1234", "A1234"],
    ["AB1234567890CDEFG", "AB1234567890CDEFG"],
  ])("accepts %j", (raw, normalized) => {
    expect(validateIdNumber("PASSPORT", raw)).toEqual({ ok: true, normalized });
  });

  it.each(["", "A123", "AB1234567890CDEFGH", "ABCDEFGHI", "E1234-567", "E1234567!", "É12345678"])(
    "rejects %j",
    (raw) => {
      expect(validateIdNumber("PASSPORT", raw)).toEqual({ ok: false, error: "idNumber.format" });
    },
  );

  it("does not apply CN rules to passports", () => {
    // 17 digits with an impossible birth date: a valid passport number shape all the same.
    expect(validateIdNumber("PASSPORT", "11010519900230123")).toEqual({
      ok: true,
      normalized: "11010519900230123",
    });
  });
});

describe("maskIdNumber", () => {
  it("keeps the first 3 and last 4 of a CN ID", () => {
    expect(maskIdNumber("CN_RESIDENT_ID", STANDARD_EXAMPLE)).toBe("110***********002X");
    expect(maskIdNumber("CN_RESIDENT_ID", STANDARD_EXAMPLE)).toHaveLength(18);
  });

  it.each([
    ["E12345678", "E*****678"],
    ["EA1234567", "E*****567"],
    ["A1234", "A*234"],
  ])("keeps the first 1 and last 3 of passport %s", (value, masked) => {
    expect(maskIdNumber("PASSPORT", value)).toBe(masked);
  });

  it("hides values too short to have a middle entirely", () => {
    expect(maskIdNumber("PASSPORT", "A123")).toBe("****");
    expect(maskIdNumber("CN_RESIDENT_ID", "1234567")).toBe("*******");
    expect(maskIdNumber("CN_RESIDENT_ID", "12345678")).toBe("123*5678");
    expect(maskIdNumber("PASSPORT", "")).toBe("");
  });
});

describe("makeCnResidentId", () => {
  it("appends the check character", () => {
    expect(makeCnResidentId("11010519491231002")).toBe(STANDARD_EXAMPLE);
    expect(makeCnResidentId("44030819900307123")).toBe("440308199003071235");
  });

  it.each(["1101051949123100", "110105194912310021", "1101051949123100X", ""])("rejects %j", (prefix) => {
    expect(() => makeCnResidentId(prefix)).toThrow(RangeError);
  });
});
