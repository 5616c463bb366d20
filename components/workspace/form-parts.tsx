"use client";

import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef, ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton as BaseSubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-field";
import { NOTE_MAX } from "@/lib/workflow/schema";

/** The form's error summary, plus field errors that have no field of their own here (e.g. "payment"). */
export function FormErrors({
  text,
  unplaced = [],
}: {
  text: string | null;
  unplaced?: (string[] | undefined)[];
}) {
  const extra = unplaced.flatMap((errors) => errors ?? []);
  if (!text && extra.length === 0) return null;
  return (
    <Notice tone="error">
      {text && <p>{text}</p>}
      {extra.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {extra.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}

type TextAreaProps = Omit<ComponentPropsWithRef<"textarea">, "children"> & {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
};

/** A note field; notes are capped at NOTE_MAX unless told otherwise. */
export function TextArea(props: TextAreaProps) {
  return <TextAreaField maxLength={NOTE_MAX} {...props} />;
}

/** Public and internal notes that go with a move; both optional. */
export function NoteFields({
  idPrefix,
  errorsFor,
}: {
  idPrefix: string;
  errorsFor: (field: string) => string[] | undefined;
}) {
  const t = useTranslations("workspace.actions");
  return (
    <>
      <TextArea
        id={`${idPrefix}-public`}
        name="publicNote"
        rows={2}
        label={t("publicNote")}
        hint={t("publicNoteHint")}
        errors={errorsFor("publicNote")}
      />
      <TextArea
        id={`${idPrefix}-internal`}
        name="internalNote"
        rows={2}
        label={t("internalNote")}
        hint={t("internalNoteHint")}
        errors={errorsFor("internalNote")}
      />
    </>
  );
}

type SubmitProps = {
  pending: boolean;
  label: string;
  pendingLabel: string;
  className?: string;
  shortcut?: string;
};

/** The workspace's submit button: it waits for hydration (the workspace's forms need JavaScript). */
export function SubmitButton({ className = "w-full sm:w-auto", shortcut, ...props }: SubmitProps) {
  return <BaseSubmitButton waitForHydration className={className} data-shortcut={shortcut} {...props} />;
}

/** A titled block of the action panel. */
export function ActionSection({
  id,
  heading,
  children,
}: {
  id: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
      <h3 id={id} className="font-semibold text-slate-900">
        {heading}
      </h3>
      <div className="mt-2 flex flex-col gap-3">{children}</div>
    </section>
  );
}
