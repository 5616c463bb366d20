"use client";

import { useTranslations } from "next-intl";
import { useId, type FormEvent, type ReactNode, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

// Own classes, not Button's variants: mixing two background utilities on one element is a coin toss.
const BASE = "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed";
const OPEN: Record<Tone, string> = {
  primary: `${BASE} w-full bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400 sm:w-auto`,
  danger: `${BASE} w-full border border-red-300 bg-white text-red-800 hover:bg-red-50 disabled:text-slate-400 sm:w-auto`,
};
const CONFIRM: Record<Tone, string> = {
  primary: `${BASE} bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400`,
  danger: `${BASE} bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400`,
};

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

/**
 * A step that cannot be undone asks first, in a modal native <dialog> (focus is trapped and
 * returned, Escape closes it); the safe choice comes first and gets the focus.
 */
export function ConfirmDialog({ dialogRef, formRef, onSubmit, pending, openLabel, title, body, confirmLabel, pendingLabel, tone = "primary", children }: Props) {
  const t = useTranslations("workspace.actions");
  const id = useId();
  const hydrated = useHydrated();
  return (
    <>
      <button type="button" disabled={!hydrated} className={OPEN[tone]} onClick={() => dialogRef.current?.showModal()}>
        {openLabel}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <p id={`${id}-body`} className="text-slate-700">
            {body}
          </p>
          {children}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              {t("cancel")}
            </Button>
            <button type="submit" disabled={pending} aria-busy={pending} className={CONFIRM[tone]}>
              {pending ? pendingLabel : confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
