import { z } from "zod";
import { AFFECTED, CONSEQUENCES, FIXED_DATE_KINDS } from "@/lib/applications/triage";
import { URGENCY_TIERS } from "@/lib/catalog/tiers";
import { APPLICANT_EVIDENCE_KINDS } from "@/lib/evidence/schema";
import { ApplicationStatus, WorkflowNode } from "@/lib/generated/prisma/enums";
import { ID_TYPES } from "@/lib/identity/id-number";
import { LOCALES } from "@/lib/i18n/config";
import { STAFF_TRANSITIONS } from "@/lib/workflow/schema";

// The partner API's request shapes. They check shape and type only (strict: an unknown field is a
// 422); every rule about the values is the apply form's own schema (lib/applications/schema.ts),
// which the request is mapped onto (application-request.ts), so the API and the form cannot differ.

/** Stripe-like: any visible ASCII, long enough not to collide by accident, short enough to index. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;

const dateOnly = z.string().meta({ description: "A calendar day, YYYY-MM-DD, in the applicant's zone." });

export const applicationRequestSchema = z
  .strictObject({
    serviceCode: z.string().meta({ description: "The service's code from the catalog (/services)." }),
    tier: z.enum(URGENCY_TIERS),
    neededBy: dateOnly,
    utcOffsetMinutes: z.int().optional().meta({
      description:
        "The applicant's zone, minutes east of UTC, for neededBy and triage.fixedDateOn. Default 480 (China Standard Time).",
    }),
    reason: z.string().meta({ description: "Why it is urgent: 30–2000 characters, as on the apply form." }),
    applicant: z.strictObject({
      name: z.string().meta({ description: "The name on the identity document." }),
      idType: z.enum(ID_TYPES),
      idNumber: z.string().meta({ description: "Stored only as a keyed hash and a masked form." }),
    }),
    contact: z.strictObject({
      phone: z.string().meta({ description: "A mobile number (texts go to it); without +, a mainland one." }),
      email: z.string(),
      locale: z.enum(LOCALES).optional().meta({
        description: "The language of the applicant's messages; default that of the partner account.",
      }),
    }),
    triage: z.strictObject({
      consequence: z.enum(CONSEQUENCES),
      fixedDate: z.enum(FIXED_DATE_KINDS),
      fixedDateOn: dateOnly.optional(),
      healthOrSafety: z.boolean(),
      affected: z.enum(AFFECTED),
      startNextMorning: z
        .boolean()
        .optional()
        .meta({ description: "Filed at night: start at the next day shift instead of now (decision 035)." }),
    }),
  })
  .meta({ id: "ApplicationRequest", description: "A new application, filed under the partner's account." });

export type ApplicationRequest = z.output<typeof applicationRequestSchema>;

/** Kinds a file part of a multipart submission (or the evidence endpoint) may be named after. */
export const API_EVIDENCE_KINDS = APPLICANT_EVIDENCE_KINDS.filter(
  (kind): kind is Exclude<(typeof APPLICANT_EVIDENCE_KINDS)[number], "SUPPLEMENT"> => kind !== "SUPPLEMENT",
);
export const evidenceKindSchema = z.enum(APPLICANT_EVIDENCE_KINDS);

/** INTERNAL callers only: one workflow step, exactly as a staff member takes it in the workspace. */
export const transitionRequestSchema = z
  .strictObject({
    transition: z.enum([...STAFF_TRANSITIONS, "PROVIDE_SUPPLEMENT", "WITHDRAW"]).meta({
      description:
        "Internal systems: the staff steps their member may take. Partners: PROVIDE_SUPPLEMENT (after " +
        "uploading the files, or with a publicNote) and WITHDRAW (publicNote as the reason).",
    }),
    expectedVersion: z
      .int()
      .min(0)
      .max(2_147_483_647)
      .meta({ description: "The case's version as last read; another is answered 409 with currentVersion." }),
    publicNote: z.string().optional().meta({ description: "Shown to the applicant." }),
    internalNote: z.string().optional().meta({ description: "Staff only; never in any applicant view." }),
    items: z
      .array(z.strictObject({ problem: z.string(), suggestion: z.string().optional() }))
      .optional()
      .meta({ description: "REQUEST_SUPPLEMENT: what is missing, item by item." }),
    dueAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "REQUEST_SUPPLEMENT: when the applicant must answer by (ISO 8601 with offset)." }),
  })
  .meta({ id: "TransitionRequest" });

export type TransitionRequest = z.output<typeof transitionRequestSchema>;

/** INTERNAL callers only: take an unassigned case, as the workspace's "Claim" does. */
export const claimRequestSchema = z
  .strictObject({ expectedVersion: transitionRequestSchema.shape.expectedVersion })
  .meta({ id: "ClaimRequest" });

export const LIST_LIMIT_MAX = 100;

/** Query string of GET /api/v1/applications. */
export const listQuerySchema = z.strictObject({
  limit: z.coerce.number<string>().int().min(1).max(LIST_LIMIT_MAX).default(20),
  cursor: z.string().max(200).optional(),
  status: z.enum(ApplicationStatus).optional(),
  node: z.enum(WorkflowNode).optional(),
  updatedSince: z.iso.datetime({ offset: true }).optional(),
});

export type ListQuery = z.output<typeof listQuerySchema>;
