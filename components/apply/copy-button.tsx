"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";

/** Copies a text; says so (politely) for screen readers; falls back to selecting it for a manual copy. */
export function CopyButton({ text, label, targetId }: { text: string; label: string; targetId?: string }) {
  const t = useTranslations("apply.confirmation");
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      // No clipboard access (plain http, an old browser): select the text so a long-press copies it.
      const target = targetId ? document.getElementById(targetId) : null;
      if (target) window.getSelection()?.selectAllChildren(target);
      setStatus("failed");
    }
  }

  return (
    <div className="flex flex-col items-center gap-1">
      <button type="button" onClick={copy} className={buttonClasses("secondary")}>
        {label}
      </button>
      <p aria-live="polite" className="min-h-5 text-sm text-slate-600">
        {status === "copied" ? t("copied") : status === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}
