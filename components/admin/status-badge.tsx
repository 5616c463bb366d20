import { cn } from "@/components/ui/cn";

/** Active / inactive as text with a colour cue (never colour alone). */
export function StatusBadge({ active, label }: { active: boolean; label: string }) {
  return (
    <span
      className={cn(
        "inline-flex rounded-full px-2 py-1 text-xs font-medium",
        active ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-700",
      )}
    >
      {label}
    </span>
  );
}
