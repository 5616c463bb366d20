"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";

export type SectionLink = { href: string; label: string; exact?: boolean };

/**
 * The sections of one area: a row of links on wide screens; below `lg` a disclosure button naming
 * the current section that opens them as a list (six labels do not fit a phone, and a row that
 * scrolls sideways hides some of them without a cue). The list closes on Escape, which gives the
 * focus back to the button, and whenever the page changes. The current link is marked for screen
 * readers and by colour.
 */
export function SectionNav({ label, links }: { label: string; links: SectionLink[] }) {
  const pathname = usePathname();
  const listId = useId();
  const labelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Open for one page only: navigating anywhere else closes the menu without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const isCurrent = (link: SectionLink) =>
    link.exact ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`);
  const current = links.find(isCurrent);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    setOpenOn(null);
    button.current?.focus();
  }

  return (
    <nav aria-label={label} onKeyDown={closeOnEscape} className="mb-6 border-b border-slate-200 print:hidden">
      <span id={labelId} className="sr-only">
        {label}
      </span>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-labelledby={`${labelId} ${listId}-current`}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="mb-2 flex min-h-11 w-full items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-900 lg:hidden"
      >
        <span id={`${listId}-current`} className="truncate">
          {current?.label ?? label}
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className={cn("size-5 shrink-0", open && "rotate-180")}>
          <path d="m5 8 5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <ul
        id={listId}
        className={cn(
          "relative -mb-px text-sm font-medium lg:flex lg:gap-1 lg:overflow-x-auto",
          open ? "flex flex-col pb-2 lg:flex-row lg:pb-0" : "hidden",
        )}
      >
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent(link) ? "page" : undefined}
              onClick={() => setOpenOn(null)}
              className={cn(
                "block min-h-11 whitespace-nowrap border-l-2 px-3 py-3 lg:border-b-2 lg:border-l-0",
                isCurrent(link)
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
