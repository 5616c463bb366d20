"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import { useAdminForm } from "./use-admin-form";

// Own classes, not Button's variants: mixing two background utilities on one element is a coin toss.
const BASE = "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed";
const OPEN = {
  danger: `${BASE} border border-red-300 bg-white text-red-800 hover:bg-red-50`,
  normal: `${BASE} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`,
};
const CONFIRM = {
  danger: `${BASE} bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400`,
  normal: `${BASE} bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400`,
};

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

/**
 * Asks before doing something that matters, in a modal native <dialog> (focus is trapped and
 * returned, Escape closes it); the safe choice has the focus. Same pattern as the withdraw dialog.
 */
export function ConfirmDialog<T>({ action, fields, labels, tone = "danger", onSuccess }: Props<T>) {
  const id = useId();
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
      <button type="button" className={`${OPEN[tone]} w-full sm:w-auto sm:self-start`} onClick={() => dialogRef.current?.showModal()}>
        {labels.open}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <form onSubmit={onSubmit} className="flex flex-col gap-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {labels.title}
          </h2>
          <p id={`${id}-body`} className="text-slate-700">
            {labels.body}
          </p>
          {failure && <Notice tone="error">{failure}</Notice>}
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              {labels.cancel}
            </Button>
            <button type="submit" disabled={pending} aria-busy={pending} className={CONFIRM[tone]}>
              {pending ? labels.pending : labels.confirm}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
