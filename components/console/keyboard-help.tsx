"use client";

import { useTranslations } from "next-intl";

const SHORTCUTS = [
  { keys: ["j", "↓"], action: "next" },
  { keys: ["k", "↑"], action: "previous" },
  { keys: ["Enter"], action: "open" },
  { keys: ["/"], action: "search" },
  { keys: ["?"], action: "help" },
  { keys: ["Esc"], action: "close" },
] as const;

const KBD = "rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-sm";

/** A disclosure (not a modal): it never traps focus, and "?" or the button toggles it. */
export function KeyboardHelp({ id, open, onToggle }: { id: string; open: boolean; onToggle: () => void }) {
  const t = useTranslations("queue.keyboard");
  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-keyshortcuts="?"
        onClick={onToggle}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        {t("toggle")}
        <kbd aria-hidden="true" className={KBD}>
          ?
        </kbd>
      </button>
      <section id={id} hidden={!open} aria-label={t("title")} className="w-full rounded-xl border border-slate-200 bg-slate-50 p-4 sm:max-w-sm">
        <h3 className="text-sm font-semibold">{t("title")}</h3>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.action} className="contents">
              <dt className="flex gap-1">
                {shortcut.keys.map((key) => (
                  <kbd key={key} className={KBD}>
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-slate-700">{t(shortcut.action)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
