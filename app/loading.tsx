export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="flex flex-col gap-4">
      <div className="h-8 w-1/3 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      <div className="h-32 animate-pulse rounded-2xl bg-slate-200 motion-reduce:animate-none" />
    </div>
  );
}
