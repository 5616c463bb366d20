"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createClient } from "@/lib/api-keys/actions";
import { API_CLIENT_KINDS, type ApiClientKindValue } from "@/lib/api-keys/schema";

type Staff = { id: string; displayName: string; email: string };

/** A partner gets its own account; an internal system names the staff member it acts as. */
export function CreateApiClientForm({ staff }: { staff: Staff[] }) {
  const t = useTranslations("admin.apiKeys");
  const [kind, setKind] = useState<ApiClientKindValue>("PARTNER");
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, formAction, onSubmit, failure, errorsFor } = useActionForm(createClient, {
    onSuccess: () => formRef.current?.reset(),
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex max-w-xl flex-col gap-4"
      autoComplete="off"
    >
      <FormStatus
        failure={failure}
        success={state?.ok ? t("createClient.created", { name: state.data.name }) : null}
      />
      <TextField
        name="name"
        label={t("createClient.name")}
        required
        maxLength={100}
        errors={errorsFor("name")}
      />
      <fieldset
        className="flex flex-col gap-1"
        aria-describedby={errorsFor("kind") ? "client-kind-error" : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">{t("createClient.kind")}</legend>
        {API_CLIENT_KINDS.map((option) => (
          <label key={option} className="flex min-h-11 items-start gap-3 py-1 text-sm">
            <input
              type="radio"
              name="kind"
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
              className="mt-0.5 size-5 shrink-0 accent-brand-600"
            />
            <span>
              <span className="font-medium text-slate-900">{t(`kinds.${option}`)}</span>
              <span className="block text-slate-600">{t(`kindHints.${option}`)}</span>
            </span>
          </label>
        ))}
        {errorsFor("kind") && (
          <p id="client-kind-error" className="text-sm text-red-700">
            {errorsFor("kind")?.join(" ")}
          </p>
        )}
      </fieldset>
      {kind === "INTERNAL" && (
        <SelectField
          name="actsAsUserId"
          label={t("createClient.actsAs")}
          emptyOption={t("createClient.actsAsEmpty")}
          defaultValue=""
          required
          errors={errorsFor("actsAsUserId")}
          options={staff.map((member) => ({
            value: member.id,
            label: `${member.displayName} (${member.email})`,
          }))}
        />
      )}
      <TextField
        name="contactEmail"
        type="email"
        inputMode="email"
        label={t("createClient.contactEmail")}
        hint={t("createClient.contactHint")}
        required
        errors={errorsFor("contactEmail")}
      />
      <SubmitButton
        pending={pending}
        label={t("createClient.submit")}
        pendingLabel={t("createClient.submitting")}
        className="sm:self-start"
      />
    </form>
  );
}
