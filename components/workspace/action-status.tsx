"use client";

import { useWorkspace } from "./workspace-sync";
import { cn } from "@/components/ui/cn";

const TONES = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  error: "border-red-200 bg-red-50 text-red-800",
} as const;

/**
 * What the last action did, in a live region that outlives the form: after a success the page
 * refreshes and the form that was used is often gone (a claimed case has no claim form).
 */
export function ActionStatus() {
  const { announcement } = useWorkspace();
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {announcement && (
        <p className={cn("rounded-lg border px-4 py-3 text-sm", TONES[announcement.tone])}>
          {announcement.text}
        </p>
      )}
    </div>
  );
}
