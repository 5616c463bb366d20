import Link from "next/link";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** A GET filter form's buttons: apply, and a link back to the unfiltered list (the filters are the URL). */
export function FilterButtons({
  applyLabel,
  clearLabel,
  clearHref,
  className = "",
}: {
  applyLabel: string;
  clearLabel: string;
  clearHref: string;
  className?: string;
}) {
  return (
    <div className={cn("flex gap-2", className)}>
      <Button type="submit">{applyLabel}</Button>
      <Link
        href={clearHref}
        className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-brand-700 hover:underline"
      >
        {clearLabel}
      </Link>
    </div>
  );
}
