// Server-side staff sessions as stored; lib/auth/staff-sessions.ts decides when one is alive.
import { db } from "@/lib/data/db";
import type { StaffSession, StaffUser } from "@/lib/generated/prisma/client";

export async function insertStaffSession(data: { id: string; staffId: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date }): Promise<void> {
  await db.staffSession.create({ data });
}

export async function getStaffSessionWithStaff(id: string): Promise<(StaffSession & { staff: StaffUser }) | null> {
  return db.staffSession.findUnique({ where: { id }, include: { staff: true } });
}

/** Marks a live session as used now; an ended one stays ended. */
export async function touchStaffSession(id: string, at: Date): Promise<void> {
  await db.staffSession.updateMany({ where: { id, endedAt: null }, data: { lastSeenAt: at } });
}

export async function endLiveStaffSession(id: string, reason: string): Promise<void> {
  await db.staffSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
}

/** Ends every live session of a staff user but `except`; returns how many ended. */
export async function endLiveStaffSessionsOf(staffId: string, reason: string, except?: string): Promise<number> {
  const { count } = await db.staffSession.updateMany({
    where: { staffId, endedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { endedAt: new Date(), endReason: reason },
  });
  return count;
}
