"use client";

import { useId, type ReactNode, type RefObject } from "react";
import { cn } from "@/components/ui/cn";

type DialogProps = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** Prefix of the title's and body's ids (`<id>-title`, `<id>-body`); generated when not given. */
  id?: string;
  title: string;
  body: string;
  width?: "md" | "lg";
  /** What follows the explanation: fields, status, the buttons. */
  children: ReactNode;
};

/**
 * A modal native <dialog>, named by its title and described by its body. The browser traps focus
 * in it, closes it on Escape and returns focus to the button that opened it; the caller opens it
 * with `dialogRef.current?.showModal()`.
 */
export function Dialog({ dialogRef, id, title, body, width = "md", children }: DialogProps) {
  const generatedId = useId();
  const prefix = id ?? generatedId;
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${prefix}-title`}
      aria-describedby={`${prefix}-body`}
      className={cn(
        "m-auto w-[calc(100%-2rem)] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50",
        width === "lg" ? "max-w-lg" : "max-w-md",
      )}
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={`${prefix}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <p id={`${prefix}-body`} className="text-slate-700">
          {body}
        </p>
        {children}
      </div>
    </dialog>
  );
}

/** A dialog's buttons: stacked on phones (the main one on top), in a row from `sm` up. */
export function DialogButtons({ children }: { children: ReactNode }) {
  return <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{children}</div>;
}
