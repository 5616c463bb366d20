"use client";

import { useTranslations } from "next-intl";
import { useRef, type FormEvent, type ReactNode, type RefObject } from "react";
import { buttonClasses } from "@/components/ui/button";
import { DialogForm } from "@/components/ui/dialog-form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useStaffAction } from "./use-staff-action";
import { useWorkspace } from "./workspace-sync";

type Tone = "primary" | "danger";

type Props = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  openLabel: string;
  title: string;
  body: string;
  confirmLabel: string;
  pendingLabel: string;
  tone?: Tone;
  /** Fields and errors, between the explanation and the buttons. */
  children?: ReactNode;
};

/** A step that cannot be undone asks first; the button that opens the dialog waits for hydration. */
export function ConfirmDialog({ dialogRef, openLabel, tone = "primary", ...dialog }: Props) {
  const t = useTranslations("workspace.actions");
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        disabled={!hydrated}
        className={buttonClasses(tone === "danger" ? "danger-secondary" : "primary", "w-full sm:w-auto")}
        onClick={() => dialogRef.current?.showModal()}
      >
        {openLabel}
      </button>
      <DialogForm dialogRef={dialogRef} noValidate tone={tone} cancelLabel={t("cancel")} {...dialog} />
    </>
  );
}

/**
 * A staff action behind a ConfirmDialog, its texts taken from the action's messages (`open`,
 * `dialogTitle`, `dialogBody` with the case number, `confirm`, `pending`, `done`). The dialog closes
 * once the action went through, or when the case changed under it (the shared status says so).
 */
export function useConfirmedStaffAction(action: Parameters<typeof useStaffAction>[0], namespace: string) {
  const t = useTranslations(namespace);
  const { displayNumber } = useWorkspace();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const close = () => dialogRef.current?.close();
  const { formRef, onSubmit, pending, errorText, errorsFor } = useStaffAction(action, {
    doneText: t("done"),
    onDone: close,
    onStale: close,
  });
  const texts = {
    openLabel: t("open"),
    title: t("dialogTitle"),
    body: t("dialogBody", { number: displayNumber }),
    confirmLabel: t("confirm"),
    pendingLabel: t("pending"),
  };
  return { t, errorText, errorsFor, dialog: { dialogRef, formRef, onSubmit, pending, ...texts } };
}
