import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

type PagerLink = { href: string; label: string; rel?: "prev" | "next" } | null;

/** Previous / status / next, as links (works without JavaScript); a missing side keeps its place. */
export function Pager({
  label,
  previous,
  next,
  status,
}: {
  label: string;
  previous: PagerLink;
  next: PagerLink;
  status?: string;
}) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2 text-sm">
      {previous ? (
        <Link href={previous.href} rel={previous.rel} className={buttonClasses("secondary")}>
          {previous.label}
        </Link>
      ) : (
        <span />
      )}
      {status && <span className="text-slate-600">{status}</span>}
      {next ? (
        <Link href={next.href} rel={next.rel} className={buttonClasses("secondary")}>
          {next.label}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The current query string with some parameters replaced or dropped (undefined / ""). */
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
