"use client";

import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId, useState } from "react";

/** Letters and the control they move focus to (marked with data-shortcut). None of them acts by itself. */
const SHORTCUTS = [
  { key: "c", label: "claim" },
  { key: "a", label: "advance" },
  { key: "s", label: "supplement" },
  { key: "n", label: "note" },
] as const;

// Inputs that take no typed text: a letter pressed on them is free to be a shortcut.
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "file", "color", "range", "image"]);
const KBD = "rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-sm";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A select jumps to options by their first letter, so it counts as typing too.
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/**
 * Workspace shortcuts: a letter moves focus to its control (Enter then uses it), so a stray key
 * never changes a case. Ignored while typing, with modifiers, and while a dialog is open.
 * The help is a disclosure (not a modal): "?" or its button toggles it.
 */
export function KeyboardShortcuts() {
  const t = useTranslations("workspace.shortcuts");
  const helpId = useId();
  const [open, setOpen] = useState(false);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
    if (event.key === "?") {
      event.preventDefault();
      setOpen((value) => !value);
      return;
    }
    if (event.key === "Escape" && open) return setOpen(false);
    const shortcut = SHORTCUTS.find((candidate) => candidate.key === event.key);
    const target = shortcut && document.querySelector<HTMLElement>(`[data-shortcut="${shortcut.key}"]`);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: "center", behavior: "smooth" });
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={helpId}
        aria-keyshortcuts="?"
        onClick={() => setOpen((value) => !value)}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        {t("button")}
        <kbd aria-hidden="true" className={KBD}>
          ?
        </kbd>
      </button>
      <section id={helpId} hidden={!open} aria-label={t("title")} className="w-full rounded-xl border border-slate-200 bg-slate-50 p-4 sm:max-w-sm">
        <h2 className="text-sm font-semibold">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {[...SHORTCUTS, { key: "?", label: "help" } as const].map((shortcut) => (
            <div key={shortcut.key} className="contents">
              <dt>
                <kbd className={KBD}>{shortcut.key}</kbd>
              </dt>
              <dd className="text-slate-700">{t(shortcut.label)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
