// Counting windows of the guessing brakes (EmuRateCounter), keyed scope:kind:subject:window start.
import { db } from "@/lib/data/db";

/** Adds one to the window's count (creating the row) and returns the new count. */
export async function incrementRateCounter(key: string, expiresAt: Date): Promise<number> {
  const row = await db.emuRateCounter.upsert({ where: { key }, create: { key, count: 1, expiresAt }, update: { count: { increment: 1 } }, select: { count: true } });
  return row.count;
}

export async function readRateCounter(key: string): Promise<number> {
  return (await db.emuRateCounter.findUnique({ where: { key }, select: { count: true } }))?.count ?? 0;
}

/** Gives a reserved place back, never below zero. */
export async function decrementRateCounter(key: string): Promise<void> {
  await db.emuRateCounter.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

export async function deleteEndedRateCounters(now: Date): Promise<void> {
  await db.emuRateCounter.deleteMany({ where: { expiresAt: { lte: now } } });
}
