"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The admin section's tabs; the current one is marked for assistive technology (aria-current). */
export function AdminNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-slate-200">
      <ul className="relative -mb-px flex gap-1 overflow-x-auto text-sm font-semibold">
        {links.map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className="flex min-h-11 items-center border-b-2 border-transparent px-3 text-slate-600 hover:text-slate-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700"
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
