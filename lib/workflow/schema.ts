import { z } from "zod";
import { multilineText, text } from "@/lib/validation/text";

export const NOTE_MAX = 2000;
export const SUPPLEMENT_ITEMS_MAX = 20;

const note = multilineText().trim().max(NOTE_MAX, "validation.tooLong");
/** Empty form fields mean "no note". */
const optionalNote = note.optional().transform((value) => (value ? value : undefined));

export const supplementItemSchema = z.object({
  problem: multilineText().trim().min(1, "validation.required").max(500, "validation.tooLong"),
  suggestion: multilineText()
    .trim()
    .max(500, "validation.tooLong")
    .optional()
    .transform((value) => (value ? value : undefined)),
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
  // Capped at int4: a larger number would make Postgres refuse the comparison (a 500).
  expectedVersion: z.coerce.number().int().min(0).max(2_147_483_647),
};

export const withdrawSchema = z.object({ ...caseReference, reason: optionalNote });

export const provideSupplementSchema = z.object({ ...caseReference, note: optionalNote });

export type SupplementItemInput = z.input<typeof supplementItemSchema>;

/** Staff moves a workspace form may ask for (the table in transitions.ts still decides). */
export const STAFF_TRANSITIONS = [
  "ADVANCE",
  "APPROVE",
  "REJECT",
  "ISSUE_DOCUMENT",
  "REQUEST_SUPPLEMENT",
] as const;

export const staffTransitionSchema = z.object({
  ...caseReference,
  transition: z.enum(STAFF_TRANSITIONS, "case.errors.transitionNotAllowed"),
  publicNote: optionalNote,
  internalNote: optionalNote,
  /** Supplement requests: problems[i] with suggestions[i]; empty rows are dropped. */
  problems: z.array(multilineText()).max(SUPPLEMENT_ITEMS_MAX, "case.errors.tooManyItems").default([]),
  suggestions: z.array(multilineText()).default([]),
  /** An ISO time from the browser (it knows the reviewer's zone); required for supplement requests. */
  dueAt: z.iso
    .datetime({ offset: true, error: "case.errors.dueAtInFuture" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const caseReferenceSchema = z.object(caseReference);

export const assignSchema = z.object({
  ...caseReference,
  /** Empty: back to the unassigned pool. */
  assigneeId: z.union([z.uuid("workspace.errors.assigneeNotEligible"), z.literal("").transform(() => null)]),
  note: optionalNote,
});

export const noteSchema = z.object({
  ...caseReference,
  publicNote: optionalNote,
  internalNote: optionalNote,
});

export const paymentSchema = z.object({
  ...caseReference,
  reference: text().trim().min(3, "validation.required").max(100, "validation.tooLong"),
});

export const refundSchema = z.object({
  ...caseReference,
  /** In yuan as typed ("120", "120.5"); converted to fen exactly, without floating point. */
  amount: text()
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, "workspace.errors.refundAmount")
    .transform((text) => {
      const [whole, fraction = ""] = text.split(".");
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    }),
  reason: multilineText().trim().min(1, "workspace.errors.refundReason").max(NOTE_MAX, "validation.tooLong"),
});

/** "Accept as standard": the explanation the applicant reads is required (decision 032). */
export const acceptAsStandardSchema = z.object({
  ...caseReference,
  publicNote: note.min(1, "workspace.errors.explanationRequired"),
  internalNote: optionalNote,
});

/** The applicant's upgrade: only a tier above the slowest can be a target (the server checks the rest). */
export const upgradeTierSchema = z.object({
  ...caseReference,
  tier: z.enum(["URGENT", "EXPRESS"], "case.upgrade.errors.notFaster"),
});

export const waiverSchema = z.object({
  ...caseReference,
  reason: multilineText().trim().min(1, "workspace.errors.waiverReason").max(NOTE_MAX, "validation.tooLong"),
});
