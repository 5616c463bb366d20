/**
 * A case that needs a supervisor's attention (needed-by date at risk, nobody on duty): amber with
 * a mark and words, never colour alone, on its own line under the cell's value.
 */
export function QueueFlag({ label }: { label: string }) {
  return (
    <span className="mt-1 flex w-fit items-center gap-1 whitespace-nowrap rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">
      <span aria-hidden="true">⚑</span>
      {label}
    </span>
  );
}
