"use client";

import { useRef, type FormEvent, type ReactNode, type Ref, type RefObject } from "react";
import { Button, buttonClasses, type ButtonVariant } from "@/components/ui/button";
import { Dialog, DialogButtons } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";

/** Already translated: the opening button, the dialog's title and body, its two buttons. */
export type ConfirmLabels = {
  open: string;
  title: string;
  body: string;
  confirm: string;
  pending: string;
  cancel: string;
};

type ConfirmDialogProps = {
  labels: ConfirmLabels;
  /** "danger" for what cannot be undone: red buttons. */
  tone?: "primary" | "danger";
  /** The opening button's look; by default a quiet version of the tone. */
  openVariant?: ButtonVariant;
  openClassName?: string;
  /** The opening button stays disabled until hydrated (for forms that only work with JavaScript). */
  waitForHydration?: boolean;
  /** Given when the caller closes the dialog itself (e.g. once its action went through). */
  dialogRef?: RefObject<HTMLDialogElement | null>;
  /** Prefix of the title's and body's ids; generated when not given. */
  id?: string;
  formRef?: Ref<HTMLFormElement>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  noValidate?: boolean;
  pending: boolean;
  /** Fields and errors, between the explanation and the buttons. */
  children?: ReactNode;
};

/**
 * A step that matters asks first: a button opens a modal <dialog> whose form does the step. Cancel
 * comes first in the DOM order on purpose, so the safe choice has the focus when the dialog opens.
 */
export function ConfirmDialog({
  labels,
  tone = "primary",
  openVariant = tone === "danger" ? "danger-secondary" : "secondary",
  openClassName = "w-full sm:w-auto",
  waitForHydration = false,
  dialogRef: givenRef,
  id,
  formRef,
  onSubmit,
  noValidate,
  pending,
  children,
}: ConfirmDialogProps) {
  const ownRef = useRef<HTMLDialogElement>(null);
  const dialogRef = givenRef ?? ownRef;
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        disabled={waitForHydration && !hydrated}
        className={buttonClasses(openVariant, openClassName)}
        onClick={() => dialogRef.current?.showModal()}
      >
        {labels.open}
      </button>
      <Dialog dialogRef={dialogRef} id={id} title={labels.title} body={labels.body}>
        <form ref={formRef} onSubmit={onSubmit} noValidate={noValidate} className="flex flex-col gap-4">
          {children}
          <DialogButtons>
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              {labels.cancel}
            </Button>
            <SubmitButton
              pending={pending}
              label={labels.confirm}
              pendingLabel={labels.pending}
              variant={tone}
            />
          </DialogButtons>
        </form>
      </Dialog>
    </>
  );
}

type ConfirmActionDialogProps<R extends ActionResult<unknown>> = Pick<
  ConfirmDialogProps,
  "labels" | "tone" | "openClassName" | "id" | "children"
> & {
  action: FormAction<R>;
  /** Hidden inputs sent with the form, by name. */
  fields: Record<string, string>;
  /**
   * Called once it worked (the dialog then closes). The caller announces the result in a place that
   * outlives this component: after revalidation the page may render a different dialog instead.
   */
  onSuccess?: (data: Extract<R, { ok: true }>["data"]) => void;
  onFailure?: (failure: Extract<R, { ok: false }>) => void;
};

/** A ConfirmDialog that runs one Server Action; a refusal is shown in the dialog, which stays open. */
export function ConfirmActionDialog<R extends ActionResult<unknown>>({
  action,
  fields,
  onSuccess,
  onFailure,
  children,
  ...dialog
}: ConfirmActionDialogProps<R>) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { pending, onSubmit, failure } = useActionForm(action, {
    onSuccess: (data) => {
      dialogRef.current?.close();
      onSuccess?.(data);
    },
    onFailure,
  });
  return (
    <ConfirmDialog {...dialog} dialogRef={dialogRef} onSubmit={onSubmit} pending={pending}>
      {failure && <Notice tone="error">{failure}</Notice>}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </ConfirmDialog>
  );
}

/**
 * The submit step of a form whose fields are on the page (handover, rebalance): its button asks
 * first, and the dialog's confirm submits the form the dialog sits in. The form closes the dialog
 * in its onSubmit, so a refusal shows next to the fields that caused it.
 */
export function ConfirmSubmit({
  labels,
  dialogRef,
  pending,
}: {
  labels: ConfirmLabels;
  dialogRef: RefObject<HTMLDialogElement | null>;
  pending: boolean;
}) {
  return (
    <>
      <Button
        type="button"
        className="sm:self-start"
        disabled={pending}
        onClick={() => dialogRef.current?.showModal()}
      >
        {pending ? labels.pending : labels.open}
      </Button>
      <Dialog dialogRef={dialogRef} title={labels.title} body={labels.body}>
        <DialogButtons>
          <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
            {labels.cancel}
          </Button>
          <SubmitButton pending={pending} label={labels.confirm} pendingLabel={labels.pending} />
        </DialogButtons>
      </Dialog>
    </>
  );
}
