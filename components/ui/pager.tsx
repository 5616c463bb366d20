import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

type PagerLink = { href: string; label: string } | null;

type PagerProps = {
  /** Already translated, like the links' labels: names the navigation region. */
  label: string;
  previous: PagerLink;
  next: PagerLink;
  /** E.g. "Page 2 of 5", between the links. */
  status?: string;
  className?: string;
};

/** Previous / status / next, as plain links (works without JavaScript); a missing side keeps its place. */
export function Pager({ label, previous, next, status, className }: PagerProps) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className={cn("flex items-center justify-between gap-2 text-sm", className)}>
      {previous ? (
        <Link href={previous.href} rel="prev" className={buttonClasses("secondary")}>
          {previous.label}
        </Link>
      ) : (
        <span />
      )}
      {status && <span className="text-slate-600">{status}</span>}
      {next ? (
        <Link href={next.href} rel="next" className={buttonClasses("secondary")}>
          {next.label}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

type NumberedPagerProps = Omit<PagerProps, "previous" | "next"> & {
  page: number;
  hasNext: boolean;
  /** The address of another page of this list, keeping the page's other parameters. */
  hrefFor: (page: number) => string;
  labels: { previous: string; next: string };
};

/** A Pager over numbered pages (page 1 first). */
export function NumberedPager({ page, hasNext, hrefFor, labels, ...pager }: NumberedPagerProps) {
  return (
    <Pager
      {...pager}
      previous={page > 1 ? { href: hrefFor(page - 1), label: labels.previous } : null}
      next={hasNext ? { href: hrefFor(page + 1), label: labels.next } : null}
    />
  );
}

/** `path` with the current query's parameters, some replaced or dropped (undefined / ""). */
export function withParams(
  path: string,
  current: Record<string, string | undefined>,
  changes: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
