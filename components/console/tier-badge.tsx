import type { UrgencyTier } from "@/lib/generated/prisma/enums";
import { cn } from "@/components/ui/cn";

const STYLES: Record<UrgencyTier, string> = {
  // Express is the one to notice first: solid colour and a mark, not just a tint.
  EXPRESS: "bg-express-600 text-white font-bold",
  URGENT: "bg-amber-100 text-amber-900 font-semibold ring-1 ring-amber-300",
  STANDARD: "bg-slate-100 text-slate-700 font-medium",
};

export function TierBadge({ tier, label }: { tier: UrgencyTier; label: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs",
        STYLES[tier],
      )}
    >
      {tier === "EXPRESS" && <span aria-hidden="true">⚡</span>}
      {label}
    </span>
  );
}
