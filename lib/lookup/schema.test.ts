import { describe, expect, it } from "vitest";
import { formatApplicationNumber, generateApplicationNumber } from "@/lib/applications/application-number";
import { makeCnResidentId } from "@/lib/identity/id-number";
import { lookupSchema } from "./schema";

const NUMBER = generateApplicationNumber();
const CN_ID = makeCnResidentId("11010519900307123");

function messages(input: unknown) {
  const parsed = lookupSchema.safeParse(input);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

/** The check character of a number with its last character replaced by another valid one. */
function withWrongCheck(number: string) {
  const last = number.at(-1) === "0" ? "1" : "0";
  return number.slice(0, -1) + last;
}

describe("lookupSchema", () => {
  it("normalizes the number and the ID number as people type them", () => {
    expect(
      lookupSchema.parse({
        number: ` ${formatApplicationNumber(NUMBER).toLowerCase()} `,
        idType: "CN_RESIDENT_ID",
        idNumber: CN_ID.slice(0, 6) + " " + CN_ID.slice(6).toLowerCase(),
      }),
    ).toEqual({
      number: NUMBER,
      idType: "CN_RESIDENT_ID",
      idNumber: CN_ID,
    });
  });

  it("explains a mistyped check character separately from a malformed number", () => {
    expect(messages({ number: withWrongCheck(NUMBER), idType: "PASSPORT", idNumber: "E12345678" })).toEqual({
      number: "track.errors.applicationNumber.checkCharacter",
    });
    expect(messages({ number: "EX123", idType: "PASSPORT", idNumber: "E12345678" })).toEqual({
      number: "track.errors.applicationNumber.format",
    });
    expect(messages({ number: "x".repeat(500), idType: "PASSPORT", idNumber: "E12345678" })).toEqual({
      number: "track.errors.applicationNumber.format",
    });
  });

  it("checks the ID number against its document type", () => {
    expect(
      messages({
        number: NUMBER,
        idType: "CN_RESIDENT_ID",
        idNumber: CN_ID.slice(0, 17) + (CN_ID.endsWith("0") ? "1" : "0"),
      }),
    ).toEqual({
      idNumber: "track.errors.idNumber.checksum",
    });
    expect(messages({ number: NUMBER, idType: "PASSPORT", idNumber: "***" })).toEqual({
      idNumber: "track.errors.idNumber.format",
    });
  });

  it("points at a wrong number and a wrong ID number at once", () => {
    expect(messages({ number: "EX123", idType: "CN_RESIDENT_ID", idNumber: "12345" })).toEqual({
      number: "track.errors.applicationNumber.format",
      idNumber: "track.errors.idNumber.format",
    });
  });

  it("requires every field, whatever shape the body has", () => {
    expect(messages({})).toEqual({
      number: "validation.required",
      idType: "track.errors.idTypeRequired",
      idNumber: "validation.required",
    });
    expect(messages({ number: "", idType: "DRIVING_LICENCE", idNumber: "  " })).toEqual({
      number: "validation.required",
      idType: "track.errors.idTypeRequired",
      idNumber: "validation.required",
    });
    expect(lookupSchema.safeParse(null).success).toBe(false);
    expect(lookupSchema.safeParse([NUMBER, "PASSPORT", "E12345678"]).success).toBe(false);
  });
});
