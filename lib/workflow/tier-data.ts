import "server-only";
import type { UrgencyTier } from "@/lib/catalog/tiers";
import { db } from "@/lib/db";
import type { OwnCase } from "@/lib/cases/data";
import type { WorkflowViewer } from "./actors";
import { isOperationAllowed } from "./operations";
import { fasterTiers, isUndecided, retimeForUpgrade, surchargeChange } from "./tier-change";

export type UpgradeOption = { tier: UrgencyTier; differenceMinor: number; caseDueAt: Date };

/**
 * What the applicant's page offers (decision 032): nothing; "pay the fee first" for an unpaid case
 * that could go faster; or the faster tiers on offer with the price difference and the decision time
 * if paid now, by the same rules the mutation applies.
 */
export type UpgradeOffer =
  { kind: "none" } | { kind: "payFirst" } | { kind: "offer"; options: UpgradeOption[] };

export async function findUpgradeOffer(
  viewer: WorkflowViewer,
  view: Pick<
    OwnCase,
    | "id"
    | "applicantId"
    | "assigneeId"
    | "serviceId"
    | "tier"
    | "status"
    | "currentNode"
    | "paymentStatus"
    | "submittedAt"
    | "nodeEnteredAt"
    | "nodeDueAt"
    | "caseDueAt"
    | "pausedMinutes"
    | "fee"
  > & { service: { requiresExpertReview: boolean } },
  now: Date,
): Promise<UpgradeOffer> {
  if (viewer.id !== view.applicantId || !isUndecided(view.status) || view.tier === "EXPRESS")
    return { kind: "none" };
  const [offered, accepted] = await Promise.all([
    db.serviceTier.findMany({
      where: { serviceId: view.serviceId, available: true },
      select: {
        tier: true,
        surchargeMinor: true,
        processingHours: true,
        nodeTargets: { select: { node: true, targetMinutes: true } },
      },
    }),
    db.tierChange.count({ where: { applicationId: view.id, toTier: "STANDARD" } }),
  ]);
  const faster = fasterTiers(view.tier, offered);
  if (accepted > 0 || faster.length === 0) return { kind: "none" };
  if (view.paymentStatus === "UNPAID") return { kind: "payFirst" };
  const state = { ...view, requiresExpertReview: view.service.requiresExpertReview };
  if (!isOperationAllowed(state, viewer, "UPGRADE_TIER")) return { kind: "none" };
  const timing = { ...view, slaWarnedAt: null, slaEscalatedAt: null };
  return {
    kind: "offer",
    options: faster.map((target) => ({
      tier: target.tier,
      differenceMinor: surchargeChange(view.fee.surchargeMinor, target.surchargeMinor, "up").differenceMinor,
      caseDueAt: retimeForUpgrade(timing, target, now).caseDueAt,
    })),
  };
}
