"use client";

import { useTranslations } from "next-intl";
import { ShortcutHelp } from "@/components/ui/shortcut-help";

const SHORTCUTS = [
  { keys: ["j", "↓"], action: "next" },
  { keys: ["k", "↑"], action: "previous" },
  { keys: ["Enter"], action: "open" },
  { keys: ["/"], action: "search" },
  { keys: ["?"], action: "help" },
  { keys: ["Esc"], action: "close" },
] as const;

/** The queue's keyboard help; "?" or the button toggles it. */
export function KeyboardHelp({ id, open, onToggle }: { id: string; open: boolean; onToggle: () => void }) {
  const t = useTranslations("queue.keyboard");
  return (
    <ShortcutHelp
      id={id}
      open={open}
      onToggle={onToggle}
      toggleLabel={t("toggle")}
      title={t("title")}
      heading="h3"
      shortcuts={SHORTCUTS.map((shortcut) => ({ keys: shortcut.keys, label: t(shortcut.action) }))}
    />
  );
}
