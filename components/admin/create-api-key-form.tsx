"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-field";
import { FormStatus } from "@/components/ui/form-status";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createKey } from "@/lib/api-keys/actions";
import {
  RATE_LIMIT_MAX,
  RATE_LIMIT_MIN,
  scopesAllowedFor,
  type ApiClientKindValue,
} from "@/lib/api-keys/schema";

type Props = { clientId: string; clientName: string; kind: ApiClientKindValue };

/**
 * A new key for one client. Its secret is in this component's memory only: shown once, with a copy
 * button, and gone when the page is left (only its prefix and hash are stored).
 */
export function CreateApiKeyForm({ clientId, clientName, kind }: Props) {
  const t = useTranslations("admin.apiKeys");
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, formAction, onSubmit, failure, errorsFor } = useActionForm(createKey, {
    messageValues: { min: RATE_LIMIT_MIN, max: RATE_LIMIT_MAX },
    onSuccess: () => formRef.current?.reset(),
  });
  const created = state?.ok ? state.data : null;
  const id = `key-${clientId}`;
  return (
    <div className="flex flex-col gap-3">
      {created && <ShownOnce id={`${id}-secret`} prefix={created.prefix} secret={created.secret} />}
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
          {t("createKey.open", { name: clientName })}
        </summary>
        <form
          ref={formRef}
          action={formAction}
          onSubmit={onSubmit}
          noValidate
          autoComplete="off"
          className="mt-3 flex max-w-xl flex-col gap-4"
        >
          <FormStatus failure={failure} />
          <input type="hidden" name="clientId" value={clientId} />
          <OffsetField />
          <TextField
            id={`${id}-name`}
            name="name"
            label={t("createKey.name")}
            hint={t("createKey.nameHint")}
            required
            maxLength={100}
            errors={errorsFor("name")}
          />
          <CheckboxGroup
            id={`${id}-scopes`}
            name="scopes"
            legend={t("createKey.scopes")}
            options={scopesAllowedFor(kind).map((scope) => ({
              value: scope,
              label: (
                <span>
                  {t(`scopes.${scope}`)} <code className="text-xs text-slate-600">{scope}</code>
                </span>
              ),
            }))}
            selected={[]}
            errors={errorsFor("scopes")}
          />
          <TextField
            id={`${id}-expires`}
            name="expiresOn"
            type="date"
            label={t("createKey.expiresOn")}
            hint={t("createKey.expiresHint")}
            errors={errorsFor("expiresOn")}
          />
          <TextField
            id={`${id}-rate`}
            name="rateLimitPerMinute"
            type="number"
            inputMode="numeric"
            min={RATE_LIMIT_MIN}
            max={RATE_LIMIT_MAX}
            step={1}
            label={t("createKey.rateLimit")}
            hint={t("createKey.rateLimitHint", { min: RATE_LIMIT_MIN, max: RATE_LIMIT_MAX })}
            errors={errorsFor("rateLimitPerMinute")}
          />
          <SubmitButton
            pending={pending}
            label={t("createKey.submit")}
            pendingLabel={t("createKey.submitting")}
            className="sm:self-start"
          />
        </form>
      </details>
    </div>
  );
}

/** The browser's UTC offset for the expiry date, read when the form is sent (so it is the admin's zone). */
function OffsetField() {
  return (
    <input
      type="hidden"
      name="utcOffsetMinutes"
      value="0"
      ref={(input) => {
        if (input) input.value = String(-new Date().getTimezoneOffset());
      }}
    />
  );
}

function ShownOnce({ id, prefix, secret }: { id: string; prefix: string; secret: string }) {
  const t = useTranslations("admin.apiKeys.createKey");
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setStatus("copied");
    } catch {
      // No clipboard (plain http, an old browser): select the key so it can be copied by hand.
      const target = document.getElementById(id);
      if (target) window.getSelection()?.selectAllChildren(target);
      setStatus("failed");
    }
  }
  return (
    <Notice tone="success">
      <p className="font-semibold">{t("secretTitle", { prefix })}</p>
      <p className="mt-1">{t("secretWarning")}</p>
      <p className="mt-2 text-xs font-medium" id={`${id}-label`}>
        {t("secretLabel")}
      </p>
      <p
        id={id}
        aria-labelledby={`${id}-label`}
        className="mt-1 rounded-md bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
      >
        {secret}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} className={buttonClasses("secondary")}>
          {t("copy")}
        </button>
        <span aria-live="polite" className="text-sm">
          {status === "copied" ? t("copied") : status === "failed" ? t("copyFailed") : ""}
        </span>
      </div>
    </Notice>
  );
}
