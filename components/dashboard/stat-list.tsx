export type Stat = { label: string; value: string | number; detail?: string };

/** Figures as a description list: each label is read with its value. */
export function StatList({ stats, label }: { stats: Stat[]; label?: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      {stats.map((stat) => (
        <div key={stat.label} className="flex flex-col rounded-lg bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-600">{stat.label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{stat.value}</dd>
          {stat.detail && <dd className="text-xs text-slate-600">{stat.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
