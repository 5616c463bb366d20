import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TextLink } from "@/components/ui/text-link";

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
      <TextLink href={clearHref} className="px-2">
        {clearLabel}
      </TextLink>
    </div>
  );
}
