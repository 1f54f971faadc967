// Daily figures per flow type for the overview: how many ran, how many completed, and how
// long a completed one took (median). aggregate() says it over rows in plain code; flowStats()
// has the database compute the same, and a test holds the two to each other.
import { completedDurationMedians, countFlowsPerDay, type FlowDayCount as DayRow, type FlowDurationMiddle as MedianRow } from "@/lib/data/queries/flows";

export type FlowRow = { type: string; status: string; createdAt: Date; finishedAt: Date | null };
export type DayStats = { day: string; total: number; completed: number; finished: number; medianSeconds: number | null };
export type TypeStats = { type: string; days: DayStats[]; total: number; completed: number; finished: number; successRate: number | null; medianSeconds: number | null };

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Success rate counts only finished flows: a pending one has not failed yet. */
export function aggregate(rows: FlowRow[], types: readonly string[], days: number, now = new Date()): TypeStats[] {
  const dayList = Array.from({ length: days }, (_, i) => dayOf(new Date(now.getTime() - (days - 1 - i) * 86_400_000)));
  return types.map((type) => {
    const ofType = rows.filter((r) => r.type === type);
    const perDay = dayList.map((day) => {
      const onDay = ofType.filter((r) => dayOf(r.createdAt) === day);
      const completed = onDay.filter((r) => r.status === "Completed");
      return {
        day,
        total: onDay.length,
        completed: completed.length,
        finished: onDay.filter((r) => r.status !== "Pending").length,
        medianSeconds: median(completed.filter((r) => r.finishedAt).map((r) => (r.finishedAt!.getTime() - r.createdAt.getTime()) / 1000)),
      };
    });
    const inRange = ofType.filter((r) => dayList.includes(dayOf(r.createdAt)));
    const completed = inRange.filter((r) => r.status === "Completed");
    const finished = inRange.filter((r) => r.status !== "Pending").length;
    return {
      type,
      days: perDay,
      total: inRange.length,
      completed: completed.length,
      finished,
      successRate: finished ? completed.length / finished : null,
      medianSeconds: median(completed.filter((r) => r.finishedAt).map((r) => (r.finishedAt!.getTime() - r.createdAt.getTime()) / 1000)),
    };
  });
}

/**
 * The same figures as aggregate(), computed by the database: the per-day counts for the counts
 * and the database's median for the durations, so the overview reads a few hundred rows however
 * many flows there are.
 */
export async function flowStats(types: readonly string[], days = 14, now = new Date()): Promise<TypeStats[]> {
  const since = new Date(`${dayOf(new Date(now.getTime() - (days - 1) * 86_400_000))}T00:00:00.000Z`);
  const [dayRows, medianRows] = await Promise.all([countFlowsPerDay(since), completedDurationMedians(since)]);
  return assemble(dayRows, medianRows, types, days, now);
}

function assemble(dayRows: DayRow[], medianRows: MedianRow[], types: readonly string[], days: number, now: Date): TypeStats[] {
  const dayList = Array.from({ length: days }, (_, i) => dayOf(new Date(now.getTime() - (days - 1 - i) * 86_400_000)));
  const middles = new Map<string, number[]>();
  for (const m of medianRows) {
    const key = `${m.type}|${m.day ?? ""}`;
    middles.set(key, [...(middles.get(key) ?? []), Number(m.seconds)]);
  }
  // Durations come back as floating seconds; the overview shows whole milliseconds at most.
  const medianOf = (key: string) => {
    const m = median(middles.get(key) ?? []);
    return m === null ? null : Math.round(m * 1000) / 1000;
  };
  return types.map((type) => {
    const perDay = dayList.map((d) => {
      const row = dayRows.find((r) => r.type === type && r.day === d);
      return { day: d, total: Number(row?.total ?? 0), completed: Number(row?.completed ?? 0), finished: Number(row?.finished ?? 0), medianSeconds: medianOf(`${type}|${d}`) };
    });
    const total = perDay.reduce((n, d) => n + d.total, 0);
    const completed = perDay.reduce((n, d) => n + d.completed, 0);
    const finished = perDay.reduce((n, d) => n + d.finished, 0);
    return { type, days: perDay, total, completed, finished, successRate: finished ? completed / finished : null, medianSeconds: medianOf(`${type}|`) };
  });
}
