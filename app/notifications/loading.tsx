// The list's shape while it loads, so the page does not jump when the items arrive.
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="flex flex-col gap-4">
      <div className="h-8 w-1/3 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} className="h-28 animate-pulse rounded-xl bg-slate-100 motion-reduce:animate-none" />
      ))}
    </div>
  );
}
