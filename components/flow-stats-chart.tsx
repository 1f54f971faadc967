import type { TypeStats } from "@/lib/flows/stats";
import { flowTypeLabel } from "@/lib/ui/labels";

const fmtSeconds = (s: number | null) => (s === null ? "—" : s < 90 ? `${Math.round(s)} s` : `${(s / 60).toFixed(1)} min`);

type Day = TypeStats["days"][number];

/** One rectangle per day, all in one path: [top, height] of each day's bar, none where the height is 0. */
function bars(days: Day[], barWidth: number, gap: number, bar: (d: Day) => [number, number]): string {
  const w = round(barWidth);
  return days
    .map((d, i) => {
      const [y, h] = bar(d);
      return h > 0 ? `M${round(i * (barWidth + gap))} ${round(y)}h${w}v${round(h)}h-${w}z` : "";
    })
    .join("");
}
const round = (n: number) => Math.round(n * 100) / 100;

/** A transparent column per day on top of the bars, carrying the day's figures as its tooltip. */
function HoverTargets({ days, barWidth, gap, height, title }: { days: Day[]; barWidth: number; gap: number; height: number; title: (d: Day) => string }) {
  return days.map((d, i) => (
    <rect key={d.day} x={round(i * (barWidth + gap))} y={0} width={round(barWidth)} height={height} fill="transparent">
      <title>{title(d)}</title>
    </rect>
  ));
}

/** One flow type over the last days: runs per day (completed, ended otherwise, still pending) and the median completion time. */
export function FlowStatsChart({ stats }: { stats: TypeStats }) {
  const width = 280;
  const height = 72;
  const gap = 3;
  const barWidth = (width - gap * (stats.days.length - 1)) / stats.days.length;
  const maxRuns = Math.max(1, ...stats.days.map((d) => d.total));
  const maxMedian = Math.max(1, ...stats.days.map((d) => d.medianSeconds ?? 0));
  const label = flowTypeLabel(stats.type);
  const runs = (n: number) => (n / maxRuns) * (height - 4);
  const medianHeight = (seconds: number) => Math.max(2, (seconds / maxMedian) * 36);

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
        <path d={bars(stats.days, barWidth, gap, () => [height - 1, 1])} fill="#e2e8f0" />
        <path d={bars(stats.days, barWidth, gap, (d) => [height - runs(d.completed), runs(d.completed)])} fill="#10b981" />
        <path d={bars(stats.days, barWidth, gap, (d) => [height - runs(d.finished), runs(d.finished - d.completed)])} fill="#f43f5e" />
        <path d={bars(stats.days, barWidth, gap, (d) => [height - runs(d.total), runs(d.total - d.finished)])} fill="#f59e0b" />
        <HoverTargets
          days={stats.days}
          barWidth={barWidth}
          gap={gap}
          height={height}
          title={(d) => `${d.day}: ${d.total} runs, ${d.completed} completed, ${d.finished - d.completed} ended otherwise, ${d.total - d.finished} pending`}
        />
      </svg>
      <p className="mt-3 text-xs font-medium text-slate-500">Median completion time per day</p>
      <svg viewBox={`0 0 ${width} 40`} className="mt-1 w-full" role="img" aria-label={`${label}: median completion time ${fmtSeconds(stats.medianSeconds)}`}>
        <path d={bars(stats.days, barWidth, gap, () => [39, 1])} fill="#e2e8f0" />
        <path d={bars(stats.days, barWidth, gap, (d) => (d.medianSeconds === null ? [40, 0] : [40 - medianHeight(d.medianSeconds), medianHeight(d.medianSeconds)]))} fill="#6366f1" />
        <HoverTargets days={stats.days} barWidth={barWidth} gap={gap} height={40} title={(d) => `${d.day}: ${fmtSeconds(d.medianSeconds)}`} />
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
