import type { ServiceTypeSelect } from "@/lib/generated/prisma/models/ServiceType";
import type { UrgencyTier, WorkflowNode } from "@/lib/generated/prisma/enums";

/**
 * Selects the per-node targets of every tier of a service, to nest in a case read. Loading all
 * tiers (a few dozen rows) lets the case, its service and its targets come back in one query;
 * `nodeTargetsFor` then picks the case's tier.
 */
export const SERVICE_NODE_TARGETS = {
  tiers: { select: { tier: true, nodeTargets: { select: { node: true, targetMinutes: true } } } },
} satisfies ServiceTypeSelect;

type TiersWithTargets = { tier: UrgencyTier; nodeTargets: { node: WorkflowNode; targetMinutes: number }[] }[];

export function nodeTargetsFor(
  tiers: TiersWithTargets,
  tier: UrgencyTier,
): Partial<Record<WorkflowNode, number>> {
  const targets = tiers.find((row) => row.tier === tier)?.nodeTargets ?? [];
  return Object.fromEntries(targets.map((target) => [target.node, target.targetMinutes]));
}
