"use client";

import { useEffect, useRef } from "react";
import { buttonClasses } from "@/components/ui/button";
import { DialogForm } from "@/components/ui/dialog-form";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import { useAdminForm } from "./use-admin-form";

type Props<T> = {
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  labels: { open: string; title: string; body: string; confirm: string; pending: string; cancel: string };
  tone?: "danger" | "normal";
  /**
   * Called once it worked (the dialog then closes). The caller announces the result in a place that
   * outlives this component: after revalidation the page may render a different dialog instead.
   */
  onSuccess?: (data: T) => void;
};

/** Asks before doing something that matters; the safe choice has the focus. Same pattern as the withdraw dialog. */
export function ConfirmDialog<T>({ action, fields, labels, tone = "danger", onSuccess }: Props<T>) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { state, pending, onSubmit, failure } = useAdminForm(action);

  useEffect(() => {
    if (!state?.ok) return;
    dialogRef.current?.close();
    onSuccess?.(state.data);
    // Only a new result should report again, not a re-render with a new callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        className={buttonClasses(
          tone === "danger" ? "danger-secondary" : "secondary",
          "w-full sm:w-auto sm:self-start",
        )}
        onClick={() => dialogRef.current?.showModal()}
      >
        {labels.open}
      </button>
      <DialogForm
        dialogRef={dialogRef}
        title={labels.title}
        body={labels.body}
        onSubmit={onSubmit}
        pending={pending}
        cancelLabel={labels.cancel}
        confirmLabel={labels.confirm}
        pendingLabel={labels.pending}
        tone={tone === "danger" ? "danger" : "primary"}
      >
        {failure && <Notice tone="error">{failure}</Notice>}
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </DialogForm>
    </div>
  );
}
