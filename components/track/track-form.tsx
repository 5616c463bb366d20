"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { startTransition, useRef, useState, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { trackCase } from "@/lib/lookup/actions";
import { checkLookupFields, type LookupField } from "@/lib/lookup/lookup-fields";
import { retryAfterMinutes } from "@/lib/lookup/throttle";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { ID_TYPES, type IdType } from "@/lib/identity/id-number";
import { TrackResult } from "./track-result";
import { cn } from "@/components/ui/cn";

const RESULT_HEADING_ID = "track-result";
const FIELD_IDS: Record<LookupField, string> = {
  number: "field-number",
  idType: "field-idType",
  idNumber: "field-idNumber",
};

type FieldErrors = Partial<Record<LookupField, string[]>>;

/**
 * Number + ID number → the case's public progress, on this page. The same checks as the server's
 * schema run first in the browser, so a mistyped number (its check character) is explained before any
 * request and costs no attempt. The ID number goes only in the action's POST body.
 */
export function TrackForm() {
  const t = useTranslations();
  const [idType, setIdType] = useState<IdType>("CN_RESIDENT_ID");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const idNumberRef = useRef<HTMLInputElement>(null);
  const { state, pending, formAction, errorsFor } = useActionForm(trackCase, {
    onSuccess: () => {
      // Found: the ID number has done its job; do not leave it on a possibly shared screen.
      if (idNumberRef.current) idNumberRef.current.value = "";
      document.getElementById(RESULT_HEADING_ID)?.focus();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    const checked = checkLookupFields(Object.fromEntries(formData));
    if (!checked.ok) {
      const errors: FieldErrors = Object.fromEntries(
        Object.entries(checked.errors).map(([field, key]) => [field, [key]]),
      );
      setClientErrors(errors);
      const first = (Object.keys(FIELD_IDS) as LookupField[]).find((field) => errors[field]);
      if (first) document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    setClientErrors({});
    startTransition(() => formAction(formData));
  }

  const errorsOf = (field: LookupField) => clientErrors[field]?.map((key) => t(key)) ?? errorsFor(field);

  let outcome: { tone: "error" | "success"; text: string; throttled?: boolean } | null = null;
  if (state?.ok)
    outcome = {
      tone: "success",
      text: t("track.found", { number: formatApplicationNumber(state.data.number) }),
    };
  else if (state && "retryAfterSeconds" in state)
    outcome = {
      tone: "error",
      text: t("track.throttled", { minutes: retryAfterMinutes(state.retryAfterSeconds) }),
      throttled: true,
    };
  else if (state) outcome = { tone: "error", text: t(state.message) };

  return (
    <div className="flex flex-col gap-8">
      {/* `action` as well: a submit before hydration still POSTs to the Server Action (never a GET
          with the ID number in the URL). After hydration onSubmit takes over, and React then only
          tracks the pending state, without calling the action twice or resetting the fields. */}
      <form
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="track-form-heading"
        className="flex max-w-xl flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
      >
        <h2 id="track-form-heading" className="text-lg font-semibold">
          {t("track.form.heading")}
        </h2>
        <TextField
          name="number"
          id={FIELD_IDS.number}
          label={t("track.form.number")}
          hint={t("track.form.numberHint")}
          errors={errorsOf("number")}
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
        />
        <SelectField
          name="idType"
          id={FIELD_IDS.idType}
          label={t("track.form.idType")}
          value={idType}
          onChange={(event) => setIdType(event.target.value as IdType)}
          options={ID_TYPES.map((type) => ({ value: type, label: t(`track.form.idTypes.${type}`) }))}
        />
        <TextField
          ref={idNumberRef}
          name="idNumber"
          id={FIELD_IDS.idNumber}
          label={t("track.form.idNumber")}
          hint={
            idType === "PASSPORT"
              ? t("track.form.idNumberHintPassport")
              : t("track.form.idNumberHintResident")
          }
          errors={errorsOf("idNumber")}
          // Browsers must not remember or suggest ID numbers on a page anyone may use.
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
        />
        <p className="text-xs text-slate-600">{t("track.form.privacy")}</p>
        <SubmitButton
          pending={pending}
          label={t("track.form.submit")}
          pendingLabel={t("track.form.submitting")}
          className="w-full sm:w-auto sm:self-start"
        />
        {/* Emptied while a lookup runs, so the same answer twice in a row is announced twice. */}
        <div aria-live="polite" aria-atomic="true">
          {outcome && !pending && (
            <div
              className={cn(
                "rounded-lg border px-4 py-3 text-sm",
                outcome.tone === "error"
                  ? "border-red-200 bg-red-50 text-red-800"
                  : "border-emerald-200 bg-emerald-50 text-emerald-900",
              )}
            >
              <p>{outcome.text}</p>
              {/* A throttle anyone can spend must never be the only way in: name the ways that always work. */}
              {outcome.throttled && (
                <p className="mt-2">
                  {t("track.throttledAlternatives")}{" "}
                  <Link href="/signin?callbackUrl=%2Fportal" className="font-medium underline">
                    {t("track.throttledSignIn")}
                  </Link>
                </p>
              )}
            </div>
          )}
        </div>
      </form>
      {state?.ok && <TrackResult view={state.data} headingId={RESULT_HEADING_ID} />}
    </div>
  );
}
