"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { createService } from "@/lib/catalog/actions";
import { MAX_PROCESSING_HOURS } from "@/lib/catalog/admin-schema";
import { FormStatus } from "@/components/ui/form-status";
import { ServiceFields } from "./service-fields";
import { useActionForm } from "@/components/ui/use-action-form";

/** On success the action redirects to the new service's page to add tiers and evidence. */
export function CreateServiceForm() {
  const t = useTranslations("admin.catalog.create");
  const { pending, onSubmit, failure, errorsFor } = useActionForm(createService);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormStatus failure={failure} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={60}
          errors={errorsFor("code")}
        />
        <TextField
          name="processingHours"
          type="number"
          label={t("processingHours")}
          hint={t("processingHoursHint")}
          min={1}
          max={MAX_PROCESSING_HOURS}
          step={1}
          required
          errors={errorsFor("processingHours")}
        />
      </div>
      <ServiceFields errorsFor={errorsFor} />
      <SubmitButton
        pending={pending}
        label={t("submit")}
        pendingLabel={t("submitting")}
        className="sm:self-start"
      />
    </form>
  );
}
