// Daily figures per flow type for the overview: how many ran, how many completed, and how
// long a completed one took (median). Pure aggregation over rows, so it is tested directly.
import { db } from "@/lib/data/db";

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

export async function flowStats(types: readonly string[], days = 14, now = new Date()): Promise<TypeStats[]> {
  const since = new Date(`${dayOf(new Date(now.getTime() - (days - 1) * 86_400_000))}T00:00:00.000Z`);
  const rows = await db.flow.findMany({ where: { createdAt: { gte: since } }, select: { type: true, status: true, createdAt: true, finishedAt: true } });
  return aggregate(rows, types, days, now);
}
