import { z } from "zod";
import { fieldErrorsOf, topLevelField, type FieldErrors } from "@/lib/validation/field-errors";
import { multilineText } from "@/lib/validation/text";

// Messages are i18n keys, translated where they are shown.

/** What the outgoing shift confirms before it may end; texts in rota.handover.checklist.<item>. */
export const CHECKLIST_ITEMS = ["urgentNextStep", "supplementsChased", "mailboxChecked"] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/** A reviewer's own open cases fit on one form; more than this is a staffing problem, not a form. */
export const MAX_HANDOVER_CASES = 200;
export const HANDOVER_PAGE_SIZE = 20;

export const NOTE_REQUIRED = "rota.handover.errors.noteRequired";
export const CHECKLIST_INCOMPLETE = "rota.handover.errors.checklistIncomplete";
export const CASES_CHANGED = "rota.handover.errors.casesChanged";

/** "all": every open case of the author at the moment of the handover; "selected": only the listed ones. */
export const HANDOVER_SCOPES = ["all", "selected"] as const;

/**
 * One note for every case handed over, and an optional note of its own per case. With scope "all"
 * a case assigned to the author after the form was loaded goes too, with the shared note.
 */
export const handoverInputSchema = z
  .object({
    note: multilineText().trim().min(1, NOTE_REQUIRED).max(2000, "validation.tooLong"),
    incidents: multilineText().trim().max(4000, "validation.tooLong").default(""),
    checklist: z.array(z.enum(CHECKLIST_ITEMS, CHECKLIST_INCOMPLETE)).max(CHECKLIST_ITEMS.length * 2),
    scope: z.enum(HANDOVER_SCOPES, CASES_CHANGED).default("selected"),
    cases: z
      .array(
        z.object({
          applicationId: z.uuid(CASES_CHANGED),
          note: multilineText().trim().max(1000, "validation.tooLong").default(""),
        }),
      )
      .max(MAX_HANDOVER_CASES, "rota.handover.errors.tooManyCases"),
  })
  .superRefine((value, context) => {
    if (!CHECKLIST_ITEMS.every((item) => value.checklist.includes(item))) {
      context.addIssue({ code: "custom", path: ["checklist"], message: CHECKLIST_INCOMPLETE });
    }
    if (value.scope === "selected" && value.cases.length === 0) {
      context.addIssue({ code: "custom", path: ["cases"], message: "rota.handover.errors.noneSelected" });
    }
    if (new Set(value.cases.map((item) => item.applicationId)).size !== value.cases.length) {
      context.addIssue({ code: "custom", path: ["cases"], message: CASES_CHANGED });
    }
  });
export type HandoverInput = z.input<typeof handoverInputSchema>;

/**
 * The form's fields: ticked `caseId` boxes, a `caseNote.<id>` per case (blank: none), the shared
 * `note`, `scope` ("all" when "select all" is ticked), `incidents` and ticked `checklist` boxes.
 */
export function handoverFormInput(formData: FormData) {
  return {
    note: String(formData.get("note") ?? ""),
    incidents: String(formData.get("incidents") ?? ""),
    checklist: formData.getAll("checklist").map(String),
    scope: String(formData.get("scope") ?? "selected"),
    cases: formData.getAll("caseId").map((id) => ({
      applicationId: String(id),
      note: String(formData.get(`caseNote.${String(id)}`) ?? ""),
    })),
  };
}

/** Field errors keyed for the form: a case note's error under `caseNote.<applicationId>`, beside its case. */
export function handoverFieldErrors(
  error: z.ZodError,
  input: { cases: { applicationId: string }[] },
): FieldErrors {
  return fieldErrorsOf(error, (path) => {
    const [field, index, inner] = path;
    return field === "cases" && typeof index === "number" && inner === "note"
      ? `caseNote.${input.cases[index]?.applicationId ?? index}`
      : topLevelField(path);
  });
}

export const handoverReferenceSchema = z.object({ handoverId: z.uuid("rota.handover.errors.notFound") });

export const handoverListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
