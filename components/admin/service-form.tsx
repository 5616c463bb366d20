"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { saveService } from "@/lib/catalog/actions";
import { CheckboxField } from "./fields";
import { FormStatus } from "./form-status";
import { ServiceFields, type ServiceValues } from "./service-fields";
import { useAdminForm } from "./use-admin-form";

export function ServiceForm({
  serviceId,
  values,
}: {
  serviceId: string;
  values: ServiceValues & { active: boolean };
}) {
  const t = useTranslations("admin.catalog.service");
  const tCommon = useTranslations("admin.common");
  const { state, pending, onSubmit, failure, errorsFor } = useAdminForm(saveService);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="serviceId" value={serviceId} />
      <ServiceFields values={values} errorsFor={errorsFor} />
      <CheckboxField
        name="active"
        label={t("active")}
        hint={t("activeHint")}
        defaultChecked={values.active}
      />
      <Button type="submit" disabled={pending} aria-busy={pending} className="sm:self-start">
        {pending ? tCommon("saving") : t("submit")}
      </Button>
      <FormStatus
        failure={failure}
        success={state?.ok ? (state.data.changed ? tCommon("saved") : tCommon("noChanges")) : null}
      />
    </form>
  );
}
