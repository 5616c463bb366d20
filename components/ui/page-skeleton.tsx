import { cn } from "@/components/ui/cn";

/**
 * One grey block; the string carries its size and corners (e.g. "h-24 rounded-2xl"), since those
 * are what give a skeleton the shape of the page it stands in for.
 */
export type SkeletonBlock =
  | string
  /** Blocks side by side from `lg` up, e.g. columns "lg:grid-cols-[3fr_2fr]". */
  | { columns: string; blocks: string[] }
  /** A list of lighter rows, optionally on a white card (a table's body). */
  | { rows: number; row: string; card?: boolean };

const PULSE = "animate-pulse motion-reduce:animate-none";

function Block({ block }: { block: SkeletonBlock }) {
  if (typeof block === "string") return <div className={cn(PULSE, "bg-slate-200", block)} />;
  if ("columns" in block) {
    return (
      <div className={cn("grid gap-4", block.columns)}>
        {block.blocks.map((inner, index) => (
          <Block key={index} block={inner} />
        ))}
      </div>
    );
  }
  const rows = Array.from({ length: block.rows }, (_, index) => (
    <div key={index} className={cn(PULSE, "bg-slate-100", block.row)} />
  ));
  return block.card ? (
    <div className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4">{rows}</div>
  ) : (
    rows
  );
}

/**
 * A page's shape while it loads, so it does not jump when the content arrives. `label` is read
 * out by screen readers; without one the region is only marked busy and polite.
 */
export function PageSkeleton({ label, blocks }: { label?: string; blocks: SkeletonBlock[] }) {
  return (
    <div aria-busy="true" aria-live={label ? undefined : "polite"} className="flex flex-col gap-4">
      {label && (
        <p role="status" className="sr-only">
          {label}
        </p>
      )}
      {blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </div>
  );
}
