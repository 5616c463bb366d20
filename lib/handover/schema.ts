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

export const handoverInputSchema = z
  .object({
    incidents: multilineText().trim().max(4000, "validation.tooLong").default(""),
    checklist: z.array(z.enum(CHECKLIST_ITEMS, CHECKLIST_INCOMPLETE)).max(CHECKLIST_ITEMS.length * 2),
    cases: z
      .array(
        z.object({
          applicationId: z.uuid("rota.handover.errors.casesChanged"),
          note: multilineText().trim().min(1, NOTE_REQUIRED).max(1000, "validation.tooLong"),
        }),
      )
      .max(MAX_HANDOVER_CASES, "rota.handover.errors.tooManyCases"),
  })
  .superRefine((value, context) => {
    if (!CHECKLIST_ITEMS.every((item) => value.checklist.includes(item))) {
      context.addIssue({ code: "custom", path: ["checklist"], message: CHECKLIST_INCOMPLETE });
    }
  });
export type HandoverInput = z.output<typeof handoverInputSchema>;

/** The form's fields: one `caseId` and one `note` per case, in the same order, and ticked `checklist` boxes. */
export function handoverFormInput(formData: FormData) {
  const notes = formData.getAll("note").map(String);
  return {
    incidents: String(formData.get("incidents") ?? ""),
    checklist: formData.getAll("checklist").map(String),
    cases: formData
      .getAll("caseId")
      .map((id, index) => ({ applicationId: String(id), note: notes[index] ?? "" })),
  };
}

/** Field errors keyed for the form: a note's error under `note.<applicationId>`, so it lands beside its case. */
export function handoverFieldErrors(
  error: z.ZodError,
  input: { cases: { applicationId: string }[] },
): FieldErrors {
  return fieldErrorsOf(error, (path) => {
    const [field, index, inner] = path;
    return field === "cases" && typeof index === "number" && inner === "note"
      ? `note.${input.cases[index]?.applicationId ?? index}`
      : topLevelField(path);
  });
}

export const handoverReferenceSchema = z.object({ handoverId: z.uuid("rota.handover.errors.notFound") });

export const handoverListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
