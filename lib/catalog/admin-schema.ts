import { z } from "zod";
import { multilineText, text } from "@/lib/validation/text";
import { URGENCY_TIERS } from "./tiers";

// Messages are i18n keys, translated where they are shown.

/** Nodes that carry an SLA target; EXPERT_REVIEW only for services that require expert review. */
export const TARGET_NODES = [
  "SUBMITTED",
  "MATERIAL_CHECK",
  "SUBSTANTIVE_REVIEW",
  "EXPERT_REVIEW",
  "DECISION",
  "RESULT_NOTIFIED",
] as const;
export type TargetNode = (typeof TARGET_NODES)[number];

export const EVIDENCE_KINDS = ["ID_PROOF", "URGENCY_PROOF", "OTHER"] as const;

/** One million yuan: far above any fee here, far below the int4 column even with a surcharge on top. */
export const MAX_FEE_YUAN = 1_000_000;
export const MAX_PROCESSING_HOURS = 24 * 365;
export const MAX_SORT_ORDER = 10_000;
/** Open cases of one service one person may hold before the supervisors are warned (lib/rota/load-mutations.ts). */
export const MAX_LOAD_THRESHOLD = 10_000;

/**
 * "1,234.5" yuan → 123450 fen, by string arithmetic: parseFloat("0.29") * 100 is 28.999999999999996.
 * Returns null for anything that is not a plain non-negative amount with at most two decimals.
 */
export function yuanToFen(raw: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(raw.replace(/[\s,，¥￥]/g, ""));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 123450 → "1234.50": what the fee field shows for editing (no grouping, so it parses back). */
export function fenToYuan(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

const yuanSchema = z
  .string("validation.required")
  .trim()
  .min(1, "validation.required")
  .transform((raw, context) => {
    const fen = yuanToFen(raw);
    if (fen === null) context.addIssue({ code: "custom", message: "admin.catalog.errors.amountInvalid" });
    else if (fen > MAX_FEE_YUAN * 100)
      context.addIssue({ code: "custom", message: "admin.catalog.errors.amountTooLarge" });
    return fen ?? 0;
  });

/** A checkbox: present ("on") or absent. */
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

const intIn = (min: number, max: number, message: string) =>
  z.coerce.number(message).int(message).min(min, message).max(max, message);

/** Blank: no threshold (nobody is warned). */
const loadThreshold = z.preprocess(
  (value) => (value == null || (typeof value === "string" && value.trim() === "") ? null : value),
  intIn(1, MAX_LOAD_THRESHOLD, "admin.catalog.errors.loadThresholdInvalid").nullable(),
);

const name = text("validation.required").trim().min(1, "validation.required").max(120, "validation.tooLong");
const description = multilineText().trim().max(2000, "validation.tooLong").default("");
const serviceId = z.uuid("admin.catalog.errors.notFound");

const serviceFields = {
  nameZh: name,
  nameEn: name,
  descriptionZh: description,
  descriptionEn: description,
  baseFeeMinor: yuanSchema,
  requiresExpertReview: checkbox,
  sortOrder: intIn(0, MAX_SORT_ORDER, "admin.catalog.errors.sortOrderInvalid"),
  loadThreshold: loadThreshold.optional(),
};

export const updateServiceSchema = z.object({ serviceId, ...serviceFields, active: checkbox });
export type UpdateServiceInput = z.output<typeof updateServiceSchema>;

export const createServiceSchema = z.object({
  code: text("validation.required")
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "admin.catalog.errors.codeInvalid")
    .min(3, "admin.catalog.errors.codeInvalid")
    .max(60, "admin.catalog.errors.codeInvalid"),
  ...serviceFields,
  processingHours: intIn(1, MAX_PROCESSING_HOURS, "admin.catalog.errors.hoursInvalid"),
});
export type CreateServiceInput = z.output<typeof createServiceSchema>;

/** Blank means "no target" (the row is removed); otherwise whole minutes. */
const targetMinutes = z.preprocess(
  (value) => (value == null || (typeof value === "string" && value.trim() === "") ? null : value),
  intIn(1, MAX_PROCESSING_HOURS * 60, "admin.catalog.errors.targetInvalid").nullable(),
);

export const updateTierSchema = z
  .object({
    serviceId,
    tier: z.enum(URGENCY_TIERS, "admin.catalog.errors.notFound"),
    surchargeMinor: yuanSchema,
    processingHours: intIn(1, MAX_PROCESSING_HOURS, "admin.catalog.errors.hoursInvalid"),
    available: checkbox,
    targets: z.object(
      Object.fromEntries(TARGET_NODES.map((node) => [node, targetMinutes])) as Record<
        TargetNode,
        typeof targetMinutes
      >,
    ),
  })
  .superRefine((input, context) => {
    // A single step longer than the whole case's promise is a typo, not a plan.
    for (const node of TARGET_NODES) {
      const minutes = input.targets[node];
      if (minutes !== null && minutes > input.processingHours * 60) {
        context.addIssue({
          code: "custom",
          path: ["targets", node],
          message: "admin.catalog.errors.targetTooLong",
        });
      }
    }
  });
export type UpdateTierInput = z.output<typeof updateTierSchema>;

const evidenceFields = {
  kind: z.enum(EVIDENCE_KINDS, "validation.required"),
  labelZh: name,
  labelEn: name,
  required: checkbox,
};
const requirementId = z.uuid("admin.catalog.errors.notFound");

export const addEvidenceSchema = z.object({ serviceId, ...evidenceFields });
export const updateEvidenceSchema = z.object({ requirementId, ...evidenceFields });
export const removeEvidenceSchema = z.object({ requirementId });
export const moveEvidenceSchema = z.object({
  requirementId,
  direction: z.enum(["up", "down"], "admin.catalog.errors.notFound"),
});
export type EvidenceInput = z.output<typeof addEvidenceSchema>;
