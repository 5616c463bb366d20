import type { ReactNode } from "react";

/** A titled block of the workspace. */
export function Card({ headingId, heading, children }: { headingId: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id={headingId} className="text-lg font-semibold">
        {heading}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** One term and its value in a definition list that stacks on narrow screens. */
export function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2 sm:grid sm:grid-cols-[10rem_1fr] sm:gap-3">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}
