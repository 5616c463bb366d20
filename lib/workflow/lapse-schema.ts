import { z } from "zod";
import { multilineText } from "@/lib/validation/text";
import { NOTE_MAX } from "./schema";

const optionalNote = multilineText()
  .trim()
  .max(NOTE_MAX, "validation.tooLong")
  .optional()
  .transform((value) => (value ? value : undefined));

/** What staff's answer to a lapsed supplement may carry; an extension needs the new due time. */
export const lapseInputSchema = z.object({
  publicNote: optionalNote,
  internalNote: optionalNote,
  dueAt: z.coerce.date().optional(),
});
export type LapseInput = z.input<typeof lapseInputSchema>;

export const LAPSE_FORM_ACTIONS = [
  "EXTEND_SUPPLEMENT",
  "CONTINUE_WITHOUT_SUPPLEMENT",
  "CLOSE_NOT_PROVIDED",
] as const;

/** The workspace's three forms (supplement-deadline.ts still decides what is allowed). */
export const lapseFormSchema = z.object({
  applicationId: z.uuid("case.errors.notFound"),
  expectedVersion: z.coerce.number().int().min(0).max(2_147_483_647),
  action: z.enum(LAPSE_FORM_ACTIONS, "case.errors.transitionNotAllowed"),
  publicNote: optionalNote,
  internalNote: optionalNote,
  /** An ISO time from the browser (it knows the reviewer's zone); required for an extension. */
  dueAt: z.iso
    .datetime({ offset: true, error: "case.errors.dueAtInFuture" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
