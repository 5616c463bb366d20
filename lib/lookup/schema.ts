import { z } from "zod";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { ID_TYPES, normalizeIdNumber, validateIdNumber } from "@/lib/identity/id-number";

// Messages are i18n keys, translated where they are shown. The form runs the same checks before any
// request, so a typo never costs the applicant an attempt against the throttle.

const MAX_INPUT_LENGTH = 40;

export const applicationNumberSchema = z
  .string("validation.required")
  .trim()
  .min(1, { error: "validation.required", abort: true })
  .max(MAX_INPUT_LENGTH, { error: "track.errors.applicationNumber.format", abort: true })
  .transform((raw, ctx) => {
    const result = validateApplicationNumber(raw);
    if (result.ok) return result.number;
    ctx.addIssue({ code: "custom", message: `track.errors.${result.error}` });
    return z.NEVER;
  });

export const lookupSchema = z
  .object({
    number: applicationNumberSchema,
    idType: z.enum(ID_TYPES, "track.errors.idTypeRequired"),
    idNumber: z
      .string("validation.required")
      .trim()
      .min(1, "validation.required")
      .max(MAX_INPUT_LENGTH, "track.errors.idNumber.format"),
  })
  .superRefine(
    (value, ctx) => {
      // Every stored case passed this check when it was filed, so a number failing it can match nothing.
      const id = validateIdNumber(value.idType, value.idNumber);
      if (!id.ok) ctx.addIssue({ code: "custom", path: ["idNumber"], message: `track.errors.${id.error}` });
    },
    // Also when the application number is wrong, so the form can point at both mistakes at once.
    { when: (payload) => payload.issues.every((issue) => issue.path?.[0] === "number") },
  )
  .transform((value) => ({ ...value, idNumber: normalizeIdNumber(value.idType, value.idNumber) }));

export type LookupInput = z.output<typeof lookupSchema>;
export type LookupField = keyof z.input<typeof lookupSchema>;
