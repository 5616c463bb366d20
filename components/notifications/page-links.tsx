import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

type Props = {
  label: string;
  /** Builds the address of another page of this list, keeping the page's other parameters. */
  hrefFor: (page: number) => string;
  page: number;
  hasMore: boolean;
  labels: { newer: string; older: string; page: string };
};

/** Newer / page n / older, as plain links (works without JavaScript). Newest first: page 1 is the newest. */
export function PageLinks({ label, hrefFor, page, hasMore, labels }: Props) {
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={buttonClasses("secondary")}>
          {labels.newer}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{labels.page}</span>
      {hasMore ? (
        <Link href={hrefFor(page + 1)} rel="next" className={buttonClasses("secondary")}>
          {labels.older}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
