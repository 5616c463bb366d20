"use client";

import { useTranslations } from "next-intl";
import { REASON_MIN_LENGTH, REASON_PLACEHOLDERS } from "@/lib/applications/schema";
import { TextAreaField } from "@/components/ui/text-field";
import { linkClasses } from "@/components/ui/text-link";

type Props = {
  serviceName: string;
  /** The needed-by date as the applicant reads it, or "" when not chosen yet. */
  neededByText: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
};

/** Selects the first blank of the template, so typing replaces it. */
function selectFirstPlaceholder(textarea: HTMLTextAreaElement) {
  const starts = REASON_PLACEHOLDERS.map(
    (placeholder) => [textarea.value.indexOf(placeholder), placeholder.length] as const,
  ).filter(([start]) => start >= 0);
  textarea.focus();
  if (starts.length === 0) return;
  const [start, length] = starts.reduce((first, next) => (next[0] < first[0] ? next : first));
  textarea.setSelectionRange(start, start + length);
}

/** The specific reason, with a fill-in template for people who do not know what to write. */
export function ReasonField({ serviceName, neededByText, value, error, onChange, onBlur }: Props) {
  const t = useTranslations("apply");
  const length = value.trim().length;

  function insertTemplate() {
    const template = t("reasonTemplate", { service: serviceName, date: neededByText || t("dateBlank") });
    const next = value.trim() === "" ? template : `${value.trimEnd()}\n${template}`;
    onChange(next);
    // After React has put the new text in the textarea.
    requestAnimationFrame(() => {
      const textarea = document.getElementById("field-reason");
      if (textarea instanceof HTMLTextAreaElement) selectFirstPlaceholder(textarea);
    });
  }

  return (
    <TextAreaField
      name="reason"
      label={t("fields.reason")}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      errors={error ? [error] : undefined}
      required
      rows={5}
      className="min-h-32"
      action={
        <button
          type="button"
          onClick={insertTemplate}
          className={linkClasses({ extra: "rounded-lg px-2 underline-offset-2" })}
        >
          {t("useTemplate")}
        </button>
      }
      hint={
        <>
          <span className="block">{t("fields.reasonHint", { min: REASON_MIN_LENGTH })}</span>
          <span className="block tabular-nums">
            {t("fields.reasonCount", { count: length, min: REASON_MIN_LENGTH })}
          </span>
        </>
      }
    />
  );
}
