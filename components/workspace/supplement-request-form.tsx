"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASSES } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import { defaultSupplementDueAt } from "@/lib/applications/deadline";
import { SUPPLEMENT_ITEMS_MAX } from "@/lib/workflow/schema";
import { staffTransition } from "@/lib/workflow/staff-actions";
import { ActionSection, FormErrors, NoteFields, SubmitButton } from "./form-parts";
import { useStaffAction } from "./use-staff-action";

/** "YYYY-MM-DDTHH:mm" in the browser's zone, as datetime-local inputs take it. */
export function localInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The browser knows the reviewer's zone, the server does not: the due time leaves as an absolute ISO time. */
export function withIsoDueAt(formData: FormData) {
  const local = String(formData.get("dueAtLocal") ?? "");
  const date = local ? new Date(local) : null;
  formData.set("dueAt", date && !Number.isNaN(date.getTime()) ? date.toISOString() : "");
  formData.delete("dueAtLocal");
}

/** Itemized problems with suggestions (rows added and removed), a due time and a note for the applicant. */
export function SupplementRequestForm() {
  const t = useTranslations("workspace.actions.supplement");
  const nextKey = useRef(1);
  const [rows, setRows] = useState<number[]>([0]);
  const dueRef = useRef<HTMLInputElement>(null);
  const focusRow = useRef<number | null>(null);
  const { formRef, onSubmit, pending, errorText, errorsFor, unplacedErrors } = useStaffAction(
    staffTransition,
    {
      doneText: t("done"),
      prepare: withIsoDueAt,
      unplaced: ["suggestions"],
      onDone: () => setRows([0]),
    },
  );

  // Set after hydration: the server cannot know the reviewer's clock or zone.
  useEffect(() => {
    if (dueRef.current && !dueRef.current.value)
      dueRef.current.value = localInputValue(defaultSupplementDueAt(new Date()));
  });

  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`supplement-problem-${focusRow.current}`)?.focus();
    focusRow.current = null;
  }, [rows]);

  function addRow() {
    const key = nextKey.current++;
    focusRow.current = key;
    setRows((current) => [...current, key]);
  }

  function removeRow(key: number, index: number) {
    const remaining = rows.filter((row) => row !== key);
    // Focus stays in the list: on the row that moved up, else the one before.
    focusRow.current = remaining[Math.min(index, remaining.length - 1)] ?? null;
    setRows(remaining);
  }

  const itemErrors = [...(errorsFor("items") ?? []), ...(errorsFor("problems") ?? [])];
  return (
    <ActionSection id="action-supplement" heading={t("heading")}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <input type="hidden" name="transition" value="REQUEST_SUPPLEMENT" />
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <FormErrors text={errorText} unplaced={[unplacedErrors]} />
        <fieldset
          aria-describedby={itemErrors.length ? "supplement-items-error" : undefined}
          className="flex flex-col gap-3"
        >
          <legend className="text-sm font-medium text-slate-800">{t("items")}</legend>
          <ol className="flex flex-col gap-3">
            {rows.map((key, index) => (
              <li key={key} className="flex flex-col gap-2 rounded-lg bg-slate-50 p-3">
                <label htmlFor={`supplement-problem-${key}`} className="text-sm font-medium text-slate-800">
                  {t("problem", { index: index + 1 })}
                </label>
                <input
                  id={`supplement-problem-${key}`}
                  name="problem"
                  maxLength={500}
                  data-shortcut={index === 0 ? "s" : undefined}
                  aria-invalid={itemErrors.length ? true : undefined}
                  aria-describedby={itemErrors.length ? "supplement-items-error" : undefined}
                  className={INPUT_CLASSES}
                />
                <label
                  htmlFor={`supplement-suggestion-${key}`}
                  className="text-sm font-medium text-slate-800"
                >
                  {t("suggestion", { index: index + 1 })}
                </label>
                <input
                  id={`supplement-suggestion-${key}`}
                  name="suggestion"
                  maxLength={500}
                  className={INPUT_CLASSES}
                />
                {rows.length > 1 && (
                  <Button
                    type="button"
                    variant="ghost"
                    className="self-start"
                    onClick={() => removeRow(key, index)}
                  >
                    {t("removeItem", { index: index + 1 })}
                  </Button>
                )}
              </li>
            ))}
          </ol>
          {itemErrors.length > 0 && (
            <ul id="supplement-items-error" className="text-sm text-red-700">
              {itemErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          )}
          {rows.length < SUPPLEMENT_ITEMS_MAX && (
            <Button type="button" variant="secondary" className="self-start" onClick={addRow}>
              {t("addItem")}
            </Button>
          )}
        </fieldset>
        <TextField
          ref={dueRef}
          id="supplement-due"
          name="dueAtLocal"
          type="datetime-local"
          label={t("dueAt")}
          hint={t("dueAtHint")}
          errors={errorsFor("dueAt")}
        />
        <NoteFields idPrefix="supplement" errorsFor={errorsFor} />
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("pending")} />
      </form>
    </ActionSection>
  );
}
