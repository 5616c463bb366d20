import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Tone = "error" | "info" | "success";

const TONES: Record<Tone, string> = {
  error: "border-red-200 bg-red-50 text-red-800",
  info: "border-brand-100 bg-brand-50 text-brand-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
};

/** A message block; errors are announced (role="alert"), the rest politely (role="status"). */
export function Notice({ tone = "info", children }: { tone?: Tone; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-lg border px-4 py-3 text-sm", TONES[tone])}
    >
      {children}
    </div>
  );
}
