"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useStaffAction } from "./use-staff-action";
import { useWorkspace } from "./workspace-sync";

/**
 * A staff action behind a ConfirmDialog, its texts taken from the action's messages (`open`,
 * `dialogTitle`, `dialogBody` with the case number, `confirm`, `pending`, `done`). The dialog closes
 * once the action went through, or when the case changed under it (the shared status says so). The
 * opening button waits for hydration: the workspace's forms only work with JavaScript.
 */
export function useConfirmedStaffAction(
  action: Parameters<typeof useStaffAction>[0],
  namespace: string,
  tone: "primary" | "danger" = "primary",
  unplaced: readonly string[] = [],
) {
  const t = useTranslations(namespace);
  const tActions = useTranslations("workspace.actions");
  const { displayNumber } = useWorkspace();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const close = () => dialogRef.current?.close();
  const { formRef, onSubmit, pending, errorText, errorsFor, unplacedErrors } = useStaffAction(action, {
    doneText: t("done"),
    onDone: close,
    onStale: close,
    unplaced,
  });
  const labels = {
    open: t("open"),
    title: t("dialogTitle"),
    body: t("dialogBody", { number: displayNumber }),
    confirm: t("confirm"),
    pending: t("pending"),
    cancel: tActions("cancel"),
  };
  return {
    t,
    errorText,
    errorsFor,
    unplacedErrors,
    dialog: {
      dialogRef,
      formRef,
      onSubmit,
      pending,
      labels,
      tone,
      openVariant: tone === "danger" ? ("danger-secondary" as const) : ("primary" as const),
      noValidate: true,
      waitForHydration: true,
    },
  };
}
