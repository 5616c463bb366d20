import type { UrgencyTier } from "@/lib/catalog/tiers";
import type { EvidenceRequirementItem } from "@/lib/evidence/types";

/** The service as the form shows it: names in the viewer's language, only the tiers it offers. */
export type ApplyService = {
  code: string;
  name: string;
  baseFeeMinor: number;
  currency: string;
  tiers: { tier: UrgencyTier; surchargeMinor: number; processingHours: number }[];
  evidence: EvidenceRequirementItem[];
};

/** The answers the page fills in for the applicant (from the account); they may change them. */
export type ApplyDefaults = { applicantName: string; email: string };
