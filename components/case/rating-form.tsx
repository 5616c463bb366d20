"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { rateService } from "@/lib/cases/actions";

type Props = {
  applicationId: string;
  /** The stored rating; once there is one, the form is gone for good. */
  rating: { value: number; comment: string | null } | null;
};

const SCORES = [1, 2, 3, 4, 5] as const;

/** 1–5 as radio buttons (arrow keys move between them) plus an optional comment; once only. */
export function RatingForm({ applicationId, rating }: Props) {
  const t = useTranslations();
  const { state, pending, onSubmit, failure, errorsFor } = useActionForm(rateService);

  if (rating) {
    return (
      <div className="flex flex-col gap-2">
        {state?.ok && <Notice tone="success">{t("case.rating.thanks")}</Notice>}
        <p>{t("case.rating.yourRating", { rating: rating.value })}</p>
        {rating.comment && (
          <p className="whitespace-pre-line break-words text-slate-700">“{rating.comment}”</p>
        )}
      </div>
    );
  }

  const ratingErrors = errorsFor("rating");
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {failure && <Notice tone="error">{failure}</Notice>}
      <input type="hidden" name="applicationId" value={applicationId} />
      <fieldset aria-describedby={ratingErrors ? "rating-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("case.rating.legend")}</legend>
        <div className="mt-2 flex flex-wrap gap-1.5">
          {SCORES.map((score) => (
            <label
              key={score}
              className="relative flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-1 rounded-lg border border-slate-300 bg-white px-2 text-sm font-semibold has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:text-brand-900 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
            >
              <span aria-hidden="true">{score} ★</span>
              <span className="sr-only">{t("case.rating.stars", { count: score })}</span>
              {/* Transparent over the whole label: a real, clickable radio (arrow keys, forms, tests). */}
              <input
                type="radio"
                name="rating"
                value={score}
                required
                className="absolute inset-0 z-10 size-full cursor-pointer opacity-0"
              />
            </label>
          ))}
        </div>
        {ratingErrors && (
          <p id="rating-error" className="mt-1 text-sm text-red-700">
            {ratingErrors.join(" ")}
          </p>
        )}
      </fieldset>
      <TextAreaField id="rating-comment" name="comment" maxLength={1000} label={t("case.rating.comment")} />
      <SubmitButton
        pending={pending}
        label={t("case.rating.submit")}
        pendingLabel={t("case.rating.submitting")}
        className="w-full sm:w-auto sm:self-start"
      />
    </form>
  );
}
