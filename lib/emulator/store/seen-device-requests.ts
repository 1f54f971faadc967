// Signed device requests already used (EmuSeenDeviceRequest), kept while their timestamp is valid.
import { db } from "@/lib/data/db";

/** Throws a unique violation when the request was seen before. */
export async function recordSeenDeviceRequest(id: string, expiresAt: Date): Promise<void> {
  await db.emuSeenDeviceRequest.create({ data: { id, expiresAt } });
}

export async function deleteExpiredSeenDeviceRequests(now: Date): Promise<void> {
  await db.emuSeenDeviceRequest.deleteMany({ where: { expiresAt: { lte: now } } });
}
