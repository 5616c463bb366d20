import { describe, expect, it } from "vitest";
import enApply from "@/lib/i18n/messages/en/apply.json";
import zhApply from "@/lib/i18n/messages/zh/apply.json";
import { makeCnResidentId } from "@/lib/identity/id-number";
import {
  applicationFormDataToObject,
  applicationValuesToFormData,
  buildApplicationSchema,
  firstErrorPerField,
  type ApplicationFormValues,
} from "./schema";

// 2026-03-10 12:00 in Beijing.
const NOW = new Date("2026-03-10T04:00:00Z");
const schema = buildApplicationSchema(() => NOW);
const VALID_ID = makeCnResidentId("11010519900307123");

const valid: ApplicationFormValues = {
  serviceCode: "passport-renewal",
  tier: "URGENT",
  neededBy: "2026-03-20",
  utcOffsetMinutes: "480",
  reason:
    "I need my passport renewed before 20 March because my mother is in hospital abroad; attached: hospital letter.",
  triageConsequence: "HEALTH_OR_SAFETY",
  triageFixedDate: "TRAVEL",
  triageFixedDateOn: "2026-03-18",
  triageHealthSafety: "YES",
  triageAffected: "DEPENDANTS",
  triageNextDay: "",
  applicantName: "王小明",
  idType: "CN_RESIDENT_ID",
  idNumber: VALID_ID,
  phone: "138 0013 8000",
  email: " Wang@Example.COM ",
  evidenceIds: ["6f1c2a8e-4b1d-4c8e-9a57-0d6f1e2b3c4d"],
  submissionKey: "0b5e8f5a-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
};

function lookup(tree: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

function errorsFor(values: Partial<Record<keyof ApplicationFormValues, unknown>>) {
  const result = schema.safeParse({ ...valid, ...values });
  return result.success ? {} : firstErrorPerField(result.error);
}

describe("applicationSchema", () => {
  it("accepts a complete application and normalizes it", () => {
    const data = schema.parse({ ...valid, idNumber: ` ${VALID_ID.toLowerCase()} ` });
    expect(data.email).toBe("wang@example.com");
    expect(data.phone).toBe("+8613800138000");
    expect(data.idNumber).toBe(VALID_ID);
    expect(data.utcOffsetMinutes).toBe(480);
    // End of 20 March in Beijing.
    expect(data.neededByAt.toISOString()).toBe("2026-03-20T15:59:59.999Z");
  });

  it("refuses a resident ID whose check digit is wrong, and other ID errors", () => {
    const wrongCheck = VALID_ID.slice(0, 17) + (VALID_ID.endsWith("0") ? "1" : "0");
    expect(errorsFor({ idNumber: wrongCheck }).idNumber).toBe("apply.errors.idNumber.checksum");
    expect(errorsFor({ idNumber: "12345" }).idNumber).toBe("apply.errors.idNumber.format");
    expect(errorsFor({ idNumber: makeCnResidentId("11010520991307123") }).idNumber).toBe(
      "apply.errors.idNumber.birthDate",
    );
    expect(errorsFor({ idNumber: "" }).idNumber).toBe("validation.required");
  });

  it("checks passports by pattern only", () => {
    expect(errorsFor({ idType: "PASSPORT", idNumber: "E12345678" }).idNumber).toBeUndefined();
    expect(errorsFor({ idType: "PASSPORT", idNumber: "ABCDEFGH" }).idNumber).toBe(
      "apply.errors.idNumber.format",
    );
    expect(errorsFor({ idType: "PASSPORT", idNumber: "E123-456" }).idNumber).toBe(
      "apply.errors.idNumber.format",
    );
    expect(errorsFor({ idType: "DRIVING_LICENCE" }).idType).toBe("apply.errors.idTypeRequired");
  });

  it("refuses a needed-by date in the past, keeps today, and refuses impossible or far dates", () => {
    expect(errorsFor({ neededBy: "2026-03-09" }).neededBy).toBe("apply.errors.neededByPast");
    expect(errorsFor({ neededBy: "2026-03-10" }).neededBy).toBeUndefined();
    // Already the 11th in Beijing, still the 10th in Los Angeles (UTC−7 in March): the zone decides.
    const lateEvening = buildApplicationSchema(() => new Date("2026-03-10T17:00:00Z"));
    const parse = (neededBy: string, utcOffsetMinutes: string) =>
      lateEvening.safeParse({ ...valid, neededBy, utcOffsetMinutes }).success;
    expect(parse("2026-03-10", "480")).toBe(false);
    expect(parse("2026-03-10", "-420")).toBe(true);
    expect(errorsFor({ neededBy: "2026-02-30" }).neededBy).toBe("apply.errors.neededByInvalid");
    expect(errorsFor({ neededBy: "next week" }).neededBy).toBe("apply.errors.neededByInvalid");
    expect(errorsFor({ neededBy: "2036-03-20" }).neededBy).toBe("apply.errors.neededByTooFar");
    expect(errorsFor({ neededBy: "" }).neededBy).toBe("validation.required");
  });

  it("refuses a short reason and a template whose blanks were not filled in", () => {
    expect(errorsFor({ reason: "Urgent, please hurry up." }).reason).toBe("apply.errors.reasonTooShort");
    expect(errorsFor({ reason: "   " }).reason).toBe("validation.required");
    expect(errorsFor({ reason: "x".repeat(2001) }).reason).toBe("apply.errors.reasonTooLong");
    for (const template of [enApply.reasonTemplate, zhApply.reasonTemplate]) {
      const filled = template.replace("{service}", "Passport renewal").replace("{date}", "2026-03-20");
      expect(filled.length).toBeGreaterThanOrEqual(30);
      expect(errorsFor({ reason: filled }).reason).toBe("apply.errors.reasonPlaceholder");
    }
  });

  it("holds the applicant's name to the rules for names on identity documents", () => {
    expect(errorsFor({ applicantName: "小明😀" }).applicantName).toBe("validation.personNameInvalid");
    expect(errorsFor({ applicantName: "x".repeat(60) }).applicantName).toBe("validation.personNameLength");
    expect(errorsFor({ applicantName: " 欧阳·娜娜 " }).applicantName).toBeUndefined();
  });

  it("checks phone and email patterns", () => {
    expect(errorsFor({ phone: "12800138000" }).phone).toBe("apply.errors.phoneInvalid");
    expect(errorsFor({ phone: "1380013800" }).phone).toBe("apply.errors.phoneInvalid");
    expect(errorsFor({ phone: "+44 7400 123456" }).phone).toBeUndefined();
    // A landline cannot receive texts: refused where it is typed.
    expect(errorsFor({ phone: "+44 20 7946 0958" }).phone).toBe("apply.errors.phoneInvalid");
    expect(errorsFor({ phone: "" }).phone).toBe("validation.required");
    expect(errorsFor({ email: "wang@" }).email).toBe("validation.emailInvalid");
    expect(errorsFor({ email: "" }).email).toBe("validation.required");
  });

  it("reports every field's error at once, cross-field checks included", () => {
    const errors = errorsFor({
      applicantName: "",
      neededBy: "2020-01-01",
      idNumber: "110105199003071230",
      tier: "",
    });
    expect(errors).toMatchObject({
      applicantName: "validation.required",
      neededBy: "apply.errors.neededByPast",
      tier: "apply.errors.tierRequired",
    });
    expect(errors.idNumber).toMatch(/^apply\.errors\.idNumber\./);
  });

  it("requires a submission key and well-formed evidence ids, de-duplicated", () => {
    expect(errorsFor({ submissionKey: "" }).submissionKey).toBe("apply.errors.submissionKey");
    expect(errorsFor({ evidenceIds: ["../etc/passwd"] }).evidenceIds).toBe("apply.errors.evidenceInvalid");
    const data = schema.parse({ ...valid, evidenceIds: [valid.evidenceIds[0], valid.evidenceIds[0]] });
    expect(data.evidenceIds).toEqual(valid.evidenceIds);
  });

  it("turns the triage answers into the answers the score is computed from", () => {
    expect(schema.parse(valid).triage).toEqual({
      consequence: "HEALTH_OR_SAFETY",
      fixedDate: "TRAVEL",
      fixedDateOn: "2026-03-18",
      healthOrSafety: true,
      affected: "DEPENDANTS",
    });
    const none = schema.parse({
      ...valid,
      triageFixedDate: "NONE",
      triageFixedDateOn: "not a date",
      triageHealthSafety: "NO",
    });
    expect(none.triage).toMatchObject({ fixedDate: "NONE", fixedDateOn: null, healthOrSafety: false });
    expect(
      schema.parse({ ...valid, triageFixedDate: "NONE", triageFixedDateOn: undefined }).triage.fixedDateOn,
    ).toBeNull();
  });

  it("requires every triage question, with a message of its own", () => {
    const errors = errorsFor({
      triageConsequence: "",
      triageFixedDate: undefined,
      triageHealthSafety: "maybe",
      triageAffected: "EVERYONE",
    });
    expect(errors).toMatchObject({
      triageConsequence: "apply.errors.triage.consequence",
      triageFixedDate: "apply.errors.triage.fixedDate",
      triageHealthSafety: "apply.errors.triage.healthSafety",
      triageAffected: "apply.errors.triage.affected",
    });
    for (const key of Object.values(errors)) {
      for (const messages of [enApply, zhApply])
        expect(lookup(messages, key.replace(/^apply\./, ""))).toEqual(expect.any(String));
    }
  });

  it("checks the fixed date only when there is one", () => {
    expect(errorsFor({ triageFixedDateOn: "" }).triageFixedDateOn).toBe(
      "apply.errors.triage.fixedDateOnRequired",
    );
    expect(
      errorsFor({ triageFixedDate: "APPOINTMENT", triageFixedDateOn: undefined }).triageFixedDateOn,
    ).toBe("apply.errors.triage.fixedDateOnRequired");
    expect(errorsFor({ triageFixedDateOn: "2026-03-09" }).triageFixedDateOn).toBe(
      "apply.errors.triage.fixedDateOnPast",
    );
    expect(errorsFor({ triageFixedDateOn: "2026-02-30" }).triageFixedDateOn).toBe(
      "apply.errors.neededByInvalid",
    );
    expect(errorsFor({ triageFixedDateOn: "2030-03-18" }).triageFixedDateOn).toBe(
      "apply.errors.neededByTooFar",
    );
    expect(errorsFor({ triageFixedDateOn: "2026-03-10" }).triageFixedDateOn).toBeUndefined();
    // Shown at once, alongside other fields' errors.
    expect(errorsFor({ triageFixedDateOn: "2026-03-01", applicantName: "" })).toMatchObject({
      triageFixedDateOn: "apply.errors.triage.fixedDateOnPast",
      applicantName: "validation.required",
    });
  });

  it("reads the next-day choice as yes or nothing, and has no say in the score", () => {
    expect(schema.parse({ ...valid, triageNextDay: "yes" }).triageNextDay).toBe(true);
    expect(schema.parse({ ...valid, triageNextDay: "true" }).triageNextDay).toBe(false);
    expect(schema.parse({ ...valid, triageNextDay: undefined }).triageNextDay).toBe(false);
    expect(schema.parse({ ...valid, triageScore: "100" })).not.toHaveProperty("triageScore");
  });

  it("round-trips through FormData", () => {
    const values = { ...valid, evidenceIds: [valid.evidenceIds[0]!, "7f1c2a8e-4b1d-4c8e-9a57-0d6f1e2b3c4d"] };
    expect(applicationFormDataToObject(applicationValuesToFormData(values))).toEqual(values);
  });
});

describe("phone numbers", () => {
  // Stored as E.164 (lib/identity/phone.ts, decision 033): texts go to exactly this number.
  it.each([
    ["138-0013-8000", "+8613800138000"],
    ["+86 138 0013 8000", "+8613800138000"],
    ["0086 13800138000", "+8613800138000"],
    ["(+1) 415 555 2671", "+14155552671"],
    ["１３８００１３８０００", "+8613800138000"],
  ])("%j is stored as %j", (raw, e164) => {
    expect(schema.in.shape.phone.parse(raw)).toBe(e164);
  });

  it.each(["+86 12800138000", "+0 123456789", "+1234567890123456", "010-12345678", "  "])(
    "%j is refused",
    (raw) => {
      const result = schema.in.shape.phone.safeParse(raw);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(
        /^(apply\.errors\.phoneInvalid|validation\.required)$/,
      );
    },
  );
});
