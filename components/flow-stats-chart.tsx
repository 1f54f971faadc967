import type { TypeStats } from "@/lib/flows/stats";
import { flowTypeLabel } from "@/lib/ui/labels";

const fmtSeconds = (s: number | null) => (s === null ? "—" : s < 90 ? `${Math.round(s)} s` : `${(s / 60).toFixed(1)} min`);

/** One flow type over the last days: runs per day (completed, ended otherwise, still pending) and the median completion time. */
export function FlowStatsChart({ stats }: { stats: TypeStats }) {
  const width = 280;
  const height = 72;
  const gap = 3;
  const barWidth = (width - gap * (stats.days.length - 1)) / stats.days.length;
  const maxRuns = Math.max(1, ...stats.days.map((d) => d.total));
  const maxMedian = Math.max(1, ...stats.days.map((d) => d.medianSeconds ?? 0));
  const label = flowTypeLabel(stats.type);

  return (
    <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-label={`${label} statistics`}>
      <h3 className="text-sm font-semibold text-slate-900">{label}</h3>
      <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
        <div>
          <dt className="text-xs text-slate-500">Runs</dt>
          <dd className="text-xl font-semibold text-slate-900">{stats.total}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Success</dt>
          <dd className="text-xl font-semibold text-slate-900">{stats.successRate === null ? "—" : `${Math.round(stats.successRate * 100)}%`}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Median time</dt>
          <dd className="text-xl font-semibold text-slate-900">{fmtSeconds(stats.medianSeconds)}</dd>
        </div>
      </dl>
      <p className="mt-4 text-xs font-medium text-slate-500">Runs per day</p>
      <svg viewBox={`0 0 ${width} ${height}`} className="mt-1 w-full" role="img" aria-label={`${label}: ${stats.total} runs in ${stats.days.length} days, ${stats.completed} completed`}>
        {stats.days.map((d, i) => {
          const x = i * (barWidth + gap);
          const scale = (n: number) => (n / maxRuns) * (height - 4);
          const done = scale(d.completed);
          const ended = scale(d.finished - d.completed);
          const pending = scale(d.total - d.finished);
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${d.total} runs, ${d.completed} completed, ${d.finished - d.completed} ended otherwise, ${d.total - d.finished} pending`}</title>
              <rect x={x} y={0} width={barWidth} height={height} fill="transparent" />
              <rect x={x} y={height - 1} width={barWidth} height={1} fill="#e2e8f0" />
              <rect x={x} y={height - done} width={barWidth} height={done} rx={1.5} fill="#10b981" />
              <rect x={x} y={height - done - ended} width={barWidth} height={ended} rx={1.5} fill="#f43f5e" />
              <rect x={x} y={height - done - ended - pending} width={barWidth} height={pending} rx={1.5} fill="#f59e0b" />
            </g>
          );
        })}
      </svg>
      <p className="mt-3 text-xs font-medium text-slate-500">Median completion time per day</p>
      <svg viewBox={`0 0 ${width} 40`} className="mt-1 w-full" role="img" aria-label={`${label}: median completion time ${fmtSeconds(stats.medianSeconds)}`}>
        {stats.days.map((d, i) => {
          const h = d.medianSeconds === null ? 0 : Math.max(2, (d.medianSeconds / maxMedian) * 36);
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${fmtSeconds(d.medianSeconds)}`}</title>
              <rect x={i * (barWidth + gap)} y={39} width={barWidth} height={1} fill="#e2e8f0" />
              <rect x={i * (barWidth + gap)} y={40 - h} width={barWidth} height={h} rx={1.5} fill="#6366f1" />
            </g>
          );
        })}
      </svg>
      <div className="mt-2 flex justify-between text-[10px] text-slate-500">
        <span>{stats.days[0]?.day}</span>
        <span>{stats.days.at(-1)?.day}</span>
      </div>
      <div className="mt-2 flex gap-3 text-[11px] text-slate-500">
        <span className="flex items-center gap-1">
          <span className="h-2 w-2 rounded-sm bg-emerald-500" />
          completed
        </span>
        <span className="flex items-center gap-1">
          <span className="h-2 w-2 rounded-sm bg-rose-500" />
          ended otherwise
        </span>
        <span className="flex items-center gap-1">
          <span className="h-2 w-2 rounded-sm bg-amber-500" />
          pending
        </span>
      </div>
    </section>
  );
}
