import { z } from "zod";

export const NOTE_MAX = 2000;
export const SUPPLEMENT_ITEMS_MAX = 20;

const note = z.string().trim().max(NOTE_MAX, "validation.tooLong");
/** Empty form fields mean "no note". */
const optionalNote = note.optional().transform((value) => (value ? value : undefined));

export const supplementItemSchema = z.object({
  problem: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong"),
  suggestion: z.string().trim().max(500, "validation.tooLong").optional().transform((value) => (value ? value : undefined)),
});

/** What a transition may carry; which parts are required depends on the transition (transitions.ts). */
export const transitionInputSchema = z.object({
  /** Shown to the applicant: a reason, an instruction, the applicant's own answer. */
  publicNote: optionalNote,
  /** Staff only; never reaches applicant-facing data. */
  internalNote: optionalNote,
  items: z.array(supplementItemSchema).max(SUPPLEMENT_ITEMS_MAX, "case.errors.tooManyItems").optional(),
  dueAt: z.coerce.date().optional(),
});

export type TransitionInput = z.input<typeof transitionInputSchema>;
export type ParsedTransitionInput = z.output<typeof transitionInputSchema>;

const caseReference = {
  applicationId: z.uuid("case.errors.notFound"),
  expectedVersion: z.coerce.number().int().min(0),
};

export const withdrawSchema = z.object({ ...caseReference, reason: optionalNote });

export const provideSupplementSchema = z.object({ ...caseReference, note: optionalNote });

export type SupplementItemInput = z.input<typeof supplementItemSchema>;
