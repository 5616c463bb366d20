import { z } from "zod";
import { multilineText } from "@/lib/validation/text";

// Messages are i18n keys, translated where they are shown.

/** One person's open cases fit on one form (the handover form has the same bound). */
export const MAX_REBALANCE_CASES = 200;

export const REBALANCE_CASES_CHANGED = "rota.rebalance.errors.casesChanged";
export const TARGET_NOT_ELIGIBLE = "rota.rebalance.errors.targetNotEligible";
export const NOBODY_ELIGIBLE = "rota.rebalance.errors.nobodyEligible";

/** "person": every selected case to `toUserId`; "spread": each to the least-loaded eligible reviewer on duty. */
export const REBALANCE_MODES = ["person", "spread"] as const;

export const rebalanceInputSchema = z
  .object({
    fromUserId: z.uuid(REBALANCE_CASES_CHANGED),
    mode: z.enum(REBALANCE_MODES, "rota.rebalance.errors.modeRequired"),
    toUserId: z
      .union([z.uuid(TARGET_NOT_ELIGIBLE), z.literal("").transform(() => null)])
      .nullable()
      .default(null),
    note: multilineText().trim().min(1, "rota.rebalance.errors.noteRequired").max(1000, "validation.tooLong"),
    applicationIds: z
      .array(z.uuid(REBALANCE_CASES_CHANGED))
      .min(1, "rota.rebalance.errors.noneSelected")
      .max(MAX_REBALANCE_CASES, "rota.rebalance.errors.tooManyCases")
      .refine((ids) => new Set(ids).size === ids.length, REBALANCE_CASES_CHANGED),
  })
  .superRefine((value, context) => {
    if (value.mode === "person" && !value.toUserId)
      context.addIssue({
        code: "custom",
        path: ["toUserId"],
        message: "rota.rebalance.errors.targetRequired",
      });
    if (value.mode === "person" && value.toUserId === value.fromUserId)
      context.addIssue({ code: "custom", path: ["toUserId"], message: TARGET_NOT_ELIGIBLE });
  });
export type RebalanceInput = z.input<typeof rebalanceInputSchema>;

export function rebalanceFormInput(formData: FormData) {
  return {
    fromUserId: String(formData.get("fromUserId") ?? ""),
    mode: String(formData.get("mode") ?? ""),
    toUserId: String(formData.get("toUserId") ?? ""),
    note: String(formData.get("note") ?? ""),
    applicationIds: formData.getAll("caseId").map(String),
  };
}

/** Whose cases the rebalance form lists: `?from=<userId>` on the handover page. */
export const rebalanceQuerySchema = z.object({ from: z.uuid().optional().catch(undefined) });
