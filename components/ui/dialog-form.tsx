"use client";

import { useId, type FormEvent, type ReactNode, type Ref, type RefObject } from "react";
import { Button } from "@/components/ui/button";

type DialogFormProps = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** Prefix of the title's and body's ids (`<id>-title`, `<id>-body`); generated when not given. */
  id?: string;
  title: string;
  body: string;
  formRef?: Ref<HTMLFormElement>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  noValidate?: boolean;
  pending: boolean;
  cancelLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  tone?: "primary" | "danger";
  /** Fields and errors, between the explanation and the buttons. */
  children?: ReactNode;
};

/**
 * A step that matters asks first, in a modal native <dialog> (focus is trapped and returned,
 * Escape closes it). The caller's own button opens it with `dialogRef.current?.showModal()`.
 */
export function DialogForm({
  dialogRef,
  id,
  title,
  body,
  formRef,
  onSubmit,
  noValidate,
  pending,
  cancelLabel,
  confirmLabel,
  pendingLabel,
  tone = "primary",
  children,
}: DialogFormProps) {
  const generatedId = useId();
  const prefix = id ?? generatedId;
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${prefix}-title`}
      aria-describedby={`${prefix}-body`}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <form ref={formRef} onSubmit={onSubmit} noValidate={noValidate} className="flex flex-col gap-4 p-5">
        <h2 id={`${prefix}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <p id={`${prefix}-body`} className="text-slate-700">
          {body}
        </p>
        {children}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {/* First in the DOM order on purpose: the safe choice gets focus when the dialog opens. */}
          <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
            {cancelLabel}
          </Button>
          <Button type="submit" variant={tone} disabled={pending} aria-busy={pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
