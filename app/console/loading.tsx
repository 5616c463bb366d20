// The queue's shape while it loads, so the page does not jump when the rows arrive.
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="flex flex-col gap-4">
      <div className="h-8 w-1/3 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      <div className="h-40 animate-pulse rounded-2xl bg-slate-200 motion-reduce:animate-none sm:h-28" />
      <div className="h-11 animate-pulse rounded-full bg-slate-200 motion-reduce:animate-none" />
      <div className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="h-11 animate-pulse rounded bg-slate-100 motion-reduce:animate-none" />
        ))}
      </div>
    </div>
  );
}
