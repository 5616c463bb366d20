import { z } from "zod";
import { URGENCY_TIERS } from "@/lib/catalog/tiers";
import {
  ApplicationStatus,
  EvidenceKind,
  PaymentStatus,
  TimelineAction,
  WorkflowNode,
} from "@/lib/generated/prisma/enums";

// What the application endpoints answer, as zod schemas: the OpenAPI document is generated from
// them (openapi-paths.ts) and the contract tests validate real answers against it. Times are ISO
// 8601 strings in UTC.

const time = z.iso.datetime().meta({ description: "ISO 8601, UTC." });
const optionalTime = time.nullable();

export const caseLinksSchema = z
  .object({
    self: z.string().meta({ description: "This case in the API." }),
    track: z.string().meta({ description: "The public progress page (number + ID number)." }),
    share: z
      .string()
      .optional()
      .meta({ description: "A link that shows the public progress without the ID number, for 72 hours." }),
  })
  .meta({ id: "CaseLinks" });

export const evidenceItemSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(EvidenceKind),
    originalName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.int(),
    download: z.string().meta({ description: "GET it with the same key." }),
  })
  .meta({ id: "EvidenceItem" });

export const feeSchema = z
  .object({ baseMinor: z.int(), surchargeMinor: z.int(), totalMinor: z.int(), currency: z.string() })
  .meta({ id: "Fee", description: "In minor units (fen)." });

export const applicationCreatedSchema = z
  .object({
    number: z.string(),
    status: z.enum(ApplicationStatus),
    currentNode: z.enum(WorkflowNode),
    version: z.int(),
    fee: feeSchema,
    payment: z.object({
      status: z.enum(PaymentStatus),
      provider: z.string().nullable(),
      reference: z.string().nullable().meta({ description: "Quoted on the partner account's invoice." }),
    }),
    due: z.object({
      node: optionalTime.meta({ description: "When the current step is due." }),
      case: optionalTime.meta({ description: "When the whole case is promised." }),
      scheduledStart: optionalTime.meta({
        description: "Filed at night with startNextMorning: work starts then.",
      }),
    }),
    evidence: z.array(evidenceItemSchema),
    links: caseLinksSchema,
  })
  .meta({ id: "ApplicationCreated" });

export const progressStepSchema = z
  .object({
    node: z.enum(WorkflowNode),
    state: z.enum(["completed", "current", "future", "skipped"]),
    visit: z.int(),
    detour: z.boolean(),
    startedAt: optionalTime,
    finishedAt: optionalTime,
    dueAt: optionalTime,
    expectedAt: optionalTime,
  })
  .meta({ id: "ProgressStep" });

export const caseViewSchema = z
  .object({
    number: z.string(),
    service: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    tier: z.enum(URGENCY_TIERS),
    status: z.enum(ApplicationStatus),
    currentNode: z.enum(WorkflowNode),
    version: z.int().meta({ description: "expectedVersion for a transition." }),
    submittedAt: time,
    updatedAt: time,
    due: z.object({ node: optionalTime, case: optionalTime }),
    expectedCompletionAt: optionalTime,
    progress: z.object({
      percent: z.int().min(0).max(100),
      outcome: z.enum(["inProgress", "awaitingApplicant", "approved", "completed", "rejected", "withdrawn"]),
      ended: z.boolean(),
      steps: z.array(progressStepSchema),
    }),
    supplement: z
      .object({
        dueAt: time,
        items: z.array(z.object({ problem: z.string(), suggestion: z.string().nullable() })),
      })
      .nullable()
      .meta({ description: "The open request for more material, if any." }),
    history: z
      .array(
        z.object({
          node: z.enum(WorkflowNode),
          action: z.enum(TimelineAction),
          occurredAt: time,
          by: z.enum(["staff", "applicant"]).nullable(),
        }),
      )
      .meta({ description: "Newest first." }),
    links: caseLinksSchema,
  })
  .meta({
    id: "CaseView",
    description: "What the applicant's case page shows; never internal notes or staff names.",
  });

export const caseSummarySchema = z
  .object({
    number: z.string(),
    serviceCode: z.string(),
    tier: z.enum(URGENCY_TIERS),
    status: z.enum(ApplicationStatus),
    currentNode: z.enum(WorkflowNode),
    version: z.int(),
    submittedAt: time,
    updatedAt: time,
    due: z.object({ node: optionalTime, case: optionalTime }),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: "CaseSummary" });

export const caseListSchema = z
  .object({
    items: z.array(caseSummarySchema),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as ?cursor= for the next page; null at the end." }),
  })
  .meta({ id: "CaseList" });

export const transitionResultSchema = z
  .object({
    number: z.string(),
    version: z.int(),
    currentNode: z.enum(WorkflowNode),
    status: z.enum(ApplicationStatus),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: "TransitionResult" });

export type ApplicationCreated = z.input<typeof applicationCreatedSchema>;
export type CaseView = z.input<typeof caseViewSchema>;
export type CaseSummary = z.input<typeof caseSummarySchema>;
export type CaseList = z.input<typeof caseListSchema>;
export type TransitionResult = z.input<typeof transitionResultSchema>;
export type EvidenceItem = z.input<typeof evidenceItemSchema>;
