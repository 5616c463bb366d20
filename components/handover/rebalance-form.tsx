"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { CasePicker, type PickerCase } from "@/components/handover/case-picker";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { HintAndErrors } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Notice } from "@/components/ui/notice";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { rebalance } from "@/lib/rota/rebalance-actions";

/**
 * A supervisor moves many of one person's cases: ticked cases, one note, to one colleague on duty
 * or spread over the reviewers on duty. Asks first; the result is announced above the form.
 */
export function RebalanceForm({
  from,
  cases,
  targets,
}: {
  from: { id: string; displayName: string };
  cases: PickerCase[];
  targets: SelectOption[];
}) {
  const t = useTranslations("rota.rebalance");
  const [done, setDone] = useState<number | null>(null);
  const [count, setCount] = useState(0);
  const [mode, setMode] = useState<"person" | "spread">("person");
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { pending, onSubmit, failure, errorsFor } = useActionForm(rebalance, {
    onSuccess: (data) => {
      setDone(data.moved);
      formRef.current?.reset();
    },
  });

  return (
    <form
      ref={formRef}
      // Keyed by the list from the server: after a rebalance the moved cases are gone from it.
      key={cases.map((item) => item.id).join()}
      onSubmit={(event) => {
        dialogRef.current?.close();
        setDone(null);
        onSubmit(event);
      }}
      noValidate
      className="flex flex-col gap-4"
    >
      {done !== null && <Notice tone="success">{t("done", { count: done })}</Notice>}
      <input type="hidden" name="fromUserId" value={from.id} />
      <CasePicker
        cases={cases}
        legend={t("casesLegend", { name: from.displayName })}
        initiallyAll={false}
        onCountChange={setCount}
      />
      <HintAndErrors id="applicationIds" errors={errorsFor("applicationIds")} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t("mode")}</legend>
        {(["person", "spread"] as const).map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-3 text-sm text-slate-800">
            <input
              type="radio"
              name="mode"
              value={value}
              className="size-5 accent-brand-600"
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {value === "person" ? t("modePerson") : t("modeSpread")}
          </label>
        ))}
        <HintAndErrors id="mode" errors={errorsFor("mode")} />
      </fieldset>
      {mode === "person" &&
        (targets.length > 0 ? (
          <SelectField
            id="rebalance-to"
            name="toUserId"
            label={t("to")}
            options={targets}
            emptyOption={t("choose")}
            errors={errorsFor("toUserId")}
          />
        ) : (
          <Notice>{t("noTargets")}</Notice>
        ))}
      <TextAreaField
        id="rebalance-note"
        name="note"
        label={t("note")}
        hint={t("noteHint")}
        required
        rows={3}
        maxLength={1000}
        errors={errorsFor("note")}
      />
      <FormStatus failure={failure} />
      <ConfirmSubmit
        dialogRef={dialogRef}
        pending={pending}
        labels={{
          open: t("submit"),
          title: t("confirmTitle"),
          body: t("confirmBody", { count, name: from.displayName }),
          confirm: t("confirm"),
          pending: t("pending"),
          cancel: t("cancel"),
        }}
      />
    </form>
  );
}
