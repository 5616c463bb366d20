"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveService } from "@/lib/catalog/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormStatus } from "@/components/ui/form-status";
import { ServiceFields, type ServiceValues } from "./service-fields";
import { useActionForm } from "@/components/ui/use-action-form";

export function ServiceForm({
  serviceId,
  values,
}: {
  serviceId: string;
  values: ServiceValues & { active: boolean };
}) {
  const t = useTranslations("admin.catalog.service");
  const tCommon = useTranslations("admin.common");
  const { state, pending, onSubmit, failure, errorsFor } = useActionForm(saveService);
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
      <SubmitButton
        pending={pending}
        label={t("submit")}
        pendingLabel={tCommon("saving")}
        className="sm:self-start"
      />
      <FormStatus
        failure={failure}
        success={state?.ok ? (state.data.changed ? tCommon("saved") : tCommon("noChanges")) : null}
      />
    </form>
  );
}
