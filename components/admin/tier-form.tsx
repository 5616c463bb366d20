"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { saveTier } from "@/lib/catalog/actions";
import { fenToYuan, MAX_PROCESSING_HOURS, TARGET_NODES } from "@/lib/catalog/admin-schema";
import type { UrgencyTier } from "@/lib/catalog/tiers";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";

type TierRow = {
  surchargeMinor: number;
  processingHours: number;
  available: boolean;
  targets: Record<string, number>;
};
type Props = { serviceId: string; tier: UrgencyTier; row: TierRow | null; requiresExpertReview: boolean };

/**
 * One tier: surcharge, total time, whether it is offered, and the SLA target of each node. Several
 * of these share a page, so every field id carries the tier.
 */
export function TierForm({ serviceId, tier, row, requiresExpertReview }: Props) {
  const t = useTranslations("admin.catalog.tiers");
  const tCommon = useTranslations("admin.common");
  const tNodes = useTranslations("nodes");
  const { state, pending, onSubmit, failure, errorsFor } = useActionForm(saveTier);
  const nodes = TARGET_NODES.filter((node) => node !== "EXPERT_REVIEW" || requiresExpertReview);
  const id = (field: string) => `${tier.toLowerCase()}-${field}`;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="tier" value={tier} />
      {!row && <p className="text-sm text-slate-700">{t("notOffered")}</p>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={id("surcharge")}
          name="surchargeMinor"
          label={t("surcharge")}
          hint={t("surchargeHint")}
          inputMode="decimal"
          defaultValue={row ? fenToYuan(row.surchargeMinor) : "0.00"}
          errors={errorsFor("surchargeMinor")}
        />
        <TextField
          id={id("hours")}
          name="processingHours"
          type="number"
          label={t("processingHours")}
          hint={t("processingHoursHint")}
          min={1}
          max={MAX_PROCESSING_HOURS}
          step={1}
          defaultValue={row?.processingHours ?? ""}
          errors={errorsFor("processingHours")}
        />
      </div>
      <CheckboxField
        id={id("available")}
        name="available"
        label={t("available")}
        defaultChecked={row?.available ?? false}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-semibold text-slate-800">{t("targetsLegend")}</legend>
        <p className="text-xs text-slate-600">{t("targetsHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {nodes.map((node) => (
            <TextField
              key={node}
              id={id(`target-${node}`)}
              name={`targets.${node}`}
              type="number"
              label={t("targetLabel", { node: tNodes(node) })}
              min={1}
              step={1}
              defaultValue={row?.targets[node] ?? ""}
              errors={errorsFor(`targets.${node}`)}
            />
          ))}
        </div>
      </fieldset>
      <SubmitButton
        pending={pending}
        label={t("submit", { tier: t(`names.${tier}`) })}
        pendingLabel={tCommon("saving")}
        variant="secondary"
        className="sm:self-start"
      />
      <FormStatus
        failure={failure}
        success={state?.ok ? (state.data.changed ? tCommon("saved") : tCommon("noChanges")) : null}
      />
    </form>
  );
}
