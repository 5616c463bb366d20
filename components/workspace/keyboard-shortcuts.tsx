"use client";

import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId, useState } from "react";
import { isTypingTarget } from "@/components/ui/is-typing";
import { ShortcutHelp } from "@/components/ui/shortcut-help";

/** Letters and the control they move focus to (marked with data-shortcut). None of them acts by itself. */
const SHORTCUTS = [
  { key: "c", label: "claim" },
  { key: "a", label: "advance" },
  { key: "s", label: "supplement" },
  { key: "n", label: "note" },
] as const;

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
    if (isTypingTarget(event.target) || document.querySelector("dialog[open]")) return;
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
    <ShortcutHelp
      id={helpId}
      open={open}
      onToggle={() => setOpen((value) => !value)}
      toggleLabel={t("button")}
      title={t("title")}
      intro={t("intro")}
      shortcuts={[...SHORTCUTS, { key: "?", label: "help" } as const].map((shortcut) => ({
        keys: [shortcut.key],
        label: t(shortcut.label),
      }))}
    />
  );
}
