import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type CardProps = { headingId: string; heading: string; level?: "h2" | "h3"; children: ReactNode };

/** A titled block of a page; its heading names the region for assistive technology. */
export function Card({ headingId, heading, level: Heading = "h2", children }: CardProps) {
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
    >
      <Heading id={headingId} className="text-lg font-semibold">
        {heading}
      </Heading>
      <div className="mt-3">{children}</div>
    </section>
  );
}

const TERM_COLUMNS = { "9rem": "sm:grid-cols-[9rem_1fr]", "10rem": "sm:grid-cols-[10rem_1fr]" };

/** One term and its value in a definition list that stacks on narrow screens. */
export function Row({
  term,
  termWidth = "10rem",
  children,
}: {
  term: string;
  termWidth?: keyof typeof TERM_COLUMNS;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-0.5 py-2 sm:grid sm:gap-3", TERM_COLUMNS[termWidth])}>
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}
