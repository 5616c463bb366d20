"use client";

import { useTranslations } from "next-intl";
import { Field, controlProps } from "@/components/ui/field";
import { ACCEPT_ATTRIBUTE, LIMIT_MESSAGE_VALUES } from "@/lib/evidence/limits";
import { uploadResultDocumentAction } from "@/lib/workflow/staff-actions";
import { ActionSection, FormErrors, SubmitButton } from "./form-parts";
import { useStaffAction } from "./use-staff-action";
import { linkClasses } from "@/components/ui/text-link";

type Props = { documents: { id: string; originalName: string }[] };

/** The result document, prepared while the decision is made; the applicant gets it once issued. */
export function ResultDocumentForm({ documents }: Props) {
  const t = useTranslations("workspace.actions.upload");
  const tEvidence = useTranslations("workspace.evidence");
  const { formRef, onSubmit, pending, errorText, errorsFor } = useStaffAction(uploadResultDocumentAction, {
    doneText: t("done"),
  });
  return (
    <ActionSection id="action-upload" heading={t("heading")}>
      {documents.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul aria-label={t("existing")} className="flex flex-col gap-1 text-sm">
          {documents.map((document) => (
            <li key={document.id}>
              <a
                href={`/api/evidence/${document.id}`}
                className={linkClasses({ size: "inherit", extra: "break-all font-medium" })}
              >
                {tEvidence("download", { name: document.originalName })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <FormErrors text={errorText} />
        <Field
          id="result-file"
          label={t("file")}
          hint={t("hint", LIMIT_MESSAGE_VALUES)}
          errors={errorsFor("file")}
        >
          <input
            {...controlProps("result-file", "file", t("hint", LIMIT_MESSAGE_VALUES), errorsFor("file"))}
            type="file"
            required
            accept={ACCEPT_ATTRIBUTE}
            className="min-h-11 text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:font-semibold"
          />
        </Field>
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("pending")} />
      </form>
    </ActionSection>
  );
}
