"use client";

import { useState } from "react";

type Labels = { copy: string; copied: string; failed: string };

/**
 * Copies the text of the element `targetId` (a code block) and says so, to screen readers too. Its
 * name is "Copy" plus `what` (hidden), so the page's many copy buttons can be told apart.
 */
export function CopyButton({ targetId, labels, what }: { targetId: string; labels: Labels; what: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    const target = document.getElementById(targetId);
    if (!target) return;
    try {
      await navigator.clipboard.writeText(target.textContent ?? "");
      setState("copied");
    } catch {
      // No clipboard (an http page other than localhost, a refused permission): select it for Ctrl+C.
      const range = document.createRange();
      range.selectNodeContents(target);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setState("failed");
    }
  }

  return (
    <div className="flex items-center gap-2">
      <span role="status" className="text-xs text-slate-300">
        {state === "copied" ? labels.copied : state === "failed" ? labels.failed : ""}
      </span>
      <button
        type="button"
        onClick={copy}
        className="rounded-md border border-slate-500 px-2 py-1 text-xs font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300"
      >
        {labels.copy}
        <span className="sr-only"> {what}</span>
      </button>
    </div>
  );
}
