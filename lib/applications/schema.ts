import { z } from "zod";
import { emailSchema } from "@/lib/auth/schema";
import { MAX_FILES } from "@/lib/evidence/limits";
import { URGENCY_TIERS } from "@/lib/catalog/tiers";
import { ID_TYPES, isIdType, validateIdNumber } from "@/lib/identity/id-number";
import { personNameSchema } from "@/lib/identity/person-name-schema";
import { toMobileE164 } from "@/lib/identity/phone";
import { endOfLocalDay, MAX_UTC_OFFSET_MINUTES } from "./deadline";
import { multilineText, text } from "@/lib/validation/text";
import { fieldErrorsOf, firstErrors } from "@/lib/validation/field-errors";
import { AFFECTED, CONSEQUENCES, FIXED_DATE_KINDS, YES_NO, type TriageAnswers } from "./triage";

// Messages are i18n keys, translated where they are shown; the form and the server use this same schema.

export const REASON_MIN_LENGTH = 30;
export const REASON_MAX_LENGTH = 2000;
/** Further ahead than this is not urgent; most likely a mistyped year. */
export const NEEDED_BY_MAX_DAYS = 730;

/**
 * The bracketed blanks of the reason template (apply.reasonTemplate in both languages). A reason
 * that still contains one was not filled in, however long it is.
 */
export const REASON_PLACEHOLDERS = [
  "[reason]",
  "[proof]",
  "[date]",
  "[原因]",
  "[证明材料]",
  "[日期]",
] as const;

export function hasReasonPlaceholder(reason: string): boolean {
  return REASON_PLACEHOLDERS.some((placeholder) => reason.includes(placeholder));
}

const fields = {
  serviceCode: text()
    .trim()
    .regex(/^[a-z0-9-]{1,64}$/, "apply.errors.serviceUnavailable"),
  tier: z.enum(URGENCY_TIERS, "apply.errors.tierRequired"),
  /** YYYY-MM-DD from a date input, read in the applicant's zone (utcOffsetMinutes). */
  neededBy: text().trim().min(1, "validation.required"),
  utcOffsetMinutes: z.coerce
    .number<unknown>("apply.errors.neededByInvalid")
    .int("apply.errors.neededByInvalid")
    .min(-MAX_UTC_OFFSET_MINUTES, "apply.errors.neededByInvalid")
    .max(MAX_UTC_OFFSET_MINUTES, "apply.errors.neededByInvalid"),
  reason: multilineText()
    .trim()
    .min(1, { error: "validation.required", abort: true })
    .min(REASON_MIN_LENGTH, "apply.errors.reasonTooShort")
    .max(REASON_MAX_LENGTH, "apply.errors.reasonTooLong")
    .refine((reason) => !hasReasonPlaceholder(reason), "apply.errors.reasonPlaceholder"),
  // Urgency triage (lib/applications/triage.ts). The score is computed on the server from these answers.
  triageConsequence: z.enum(CONSEQUENCES, "apply.errors.triage.consequence"),
  triageFixedDate: z.enum(FIXED_DATE_KINDS, "apply.errors.triage.fixedDate"),
  /** YYYY-MM-DD, read in the applicant's zone like neededBy; only asked when there is a fixed date. */
  triageFixedDateOn: text().trim().max(10, "apply.errors.neededByInvalid").optional(),
  triageHealthSafety: z.enum(YES_NO, "apply.errors.triage.healthSafety"),
  triageAffected: z.enum(AFFECTED, "apply.errors.triage.affected"),
  /** "yes": the applicant took the night-time offer to start next morning (the server re-checks it). */
  triageNextDay: z
    .string()
    .optional()
    .transform((value) => value === "yes"),
  /** The name on the identity document (letters of any script, middle dot, spaces, hyphen, apostrophe). */
  applicantName: personNameSchema,
  idType: z.enum(ID_TYPES, "apply.errors.idTypeRequired"),
  idNumber: text().trim().min(1, "validation.required").max(40, "apply.errors.idNumber.format"),
  /** A mobile number (texts go to it), stored as E.164; without a country code, a mainland one. */
  phone: text()
    .trim()
    .min(1, { error: "validation.required", abort: true })
    .transform((raw, ctx) => {
      const e164 = toMobileE164(raw);
      if (e164) return e164;
      ctx.addIssue({ code: "custom", message: "apply.errors.phoneInvalid" });
      return z.NEVER;
    }),
  email: emailSchema,
  evidenceIds: z
    .array(z.uuid("apply.errors.evidenceInvalid"))
    .max(MAX_FILES, "evidence.tooManyFiles")
    .transform((ids) => [...new Set(ids)]),
  submissionKey: z.uuid("apply.errors.submissionKey"),
};

export type ApplicationField = keyof typeof fields;
export const APPLICATION_FIELDS = Object.keys(fields) as ApplicationField[];

function inputOf(payload: { value: unknown }): Record<string, unknown> {
  return typeof payload.value === "object" && payload.value !== null
    ? (payload.value as Record<string, unknown>)
    : {};
}

/**
 * `now` is injectable for tests. The cross-field checks run even when other fields have errors
 * (`when`), so the form can show a past date or a bad check digit at once, not after everything else is fixed.
 */
export function buildApplicationSchema(now: () => Date = () => new Date()) {
  return z
    .object(fields)
    .superRefine(
      (data, ctx) => {
        const at = endOfLocalDay(data.neededBy, data.utcOffsetMinutes);
        const current = now();
        if (!at)
          ctx.addIssue({ code: "custom", path: ["neededBy"], message: "apply.errors.neededByInvalid" });
        else if (at <= current)
          ctx.addIssue({ code: "custom", path: ["neededBy"], message: "apply.errors.neededByPast" });
        else if (at.getTime() - current.getTime() > NEEDED_BY_MAX_DAYS * 86_400_000) {
          ctx.addIssue({ code: "custom", path: ["neededBy"], message: "apply.errors.neededByTooFar" });
        }
      },
      {
        when: (payload) => {
          const input = inputOf(payload);
          return (
            typeof input.neededBy === "string" &&
            input.neededBy.trim() !== "" &&
            typeof input.utcOffsetMinutes === "number"
          );
        },
      },
    )
    .superRefine(
      (data, ctx) => {
        const date = data.triageFixedDateOn ?? "";
        const at = date ? endOfLocalDay(date, data.utcOffsetMinutes) : null;
        const current = now();
        const path = ["triageFixedDateOn"];
        if (!date) ctx.addIssue({ code: "custom", path, message: "apply.errors.triage.fixedDateOnRequired" });
        else if (!at) ctx.addIssue({ code: "custom", path, message: "apply.errors.neededByInvalid" });
        else if (at <= current)
          ctx.addIssue({ code: "custom", path, message: "apply.errors.triage.fixedDateOnPast" });
        else if (at.getTime() - current.getTime() > NEEDED_BY_MAX_DAYS * 86_400_000) {
          ctx.addIssue({ code: "custom", path, message: "apply.errors.neededByTooFar" });
        }
      },
      {
        when: (payload) => {
          const input = inputOf(payload);
          return (
            (input.triageFixedDate === "APPOINTMENT" || input.triageFixedDate === "TRAVEL") &&
            typeof input.utcOffsetMinutes === "number"
          );
        },
      },
    )
    .superRefine(
      (data, ctx) => {
        const result = validateIdNumber(data.idType, data.idNumber, { now: now() });
        if (!result.ok)
          ctx.addIssue({ code: "custom", path: ["idNumber"], message: `apply.errors.${result.error}` });
      },
      {
        when: (payload) => {
          const input = inputOf(payload);
          return isIdType(input.idType) && typeof input.idNumber === "string" && input.idNumber.trim() !== "";
        },
      },
    )
    .transform((data) => {
      // Both checks above passed, so neither can fail here.
      const id = validateIdNumber(data.idType, data.idNumber, { now: now() });
      const triage: TriageAnswers = {
        consequence: data.triageConsequence,
        fixedDate: data.triageFixedDate,
        fixedDateOn: data.triageFixedDate === "NONE" ? null : (data.triageFixedDateOn ?? null),
        healthOrSafety: data.triageHealthSafety === "YES",
        affected: data.triageAffected,
      };
      return {
        ...data,
        idNumber: id.ok ? id.normalized : data.idNumber,
        neededByAt: endOfLocalDay(data.neededBy, data.utcOffsetMinutes) as Date,
        triage,
      };
    });
}

export const applicationSchema = buildApplicationSchema();
export type ApplicationInput = z.output<typeof applicationSchema>;

/** What the form holds: every answer as typed. */
export type ApplicationFormValues = { [K in Exclude<ApplicationField, "evidenceIds">]: string } & {
  evidenceIds: string[];
};

/** FormData → the plain object the schema parses (evidenceIds repeats, everything else is single). */
export function applicationFormDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of APPLICATION_FIELDS) {
    if (field === "evidenceIds")
      object[field] = formData.getAll(field).filter((value) => typeof value === "string");
    else {
      const value = formData.get(field);
      object[field] = typeof value === "string" ? value : undefined;
    }
  }
  return object;
}

export function applicationValuesToFormData(values: ApplicationFormValues): FormData {
  const formData = new FormData();
  for (const field of APPLICATION_FIELDS) {
    if (field === "evidenceIds") for (const id of values.evidenceIds) formData.append(field, id);
    else formData.set(field, values[field]);
  }
  return formData;
}

/** The first message per field, for inline errors. */
export function firstErrorPerField(error: z.ZodError): Partial<Record<ApplicationField, string>> {
  return firstErrors(fieldErrorsOf(error)) as Partial<Record<ApplicationField, string>>;
}
