// Server-side staff sessions as stored; lib/auth/staff-sessions.ts decides when one is alive.
import { db } from "@/lib/data/db";
import { columns, dateOf, flag, maybeDate, maybeText, text } from "@/lib/data/rows";
import { q, read, type Row, type Work } from "@/lib/data/sql";
import type { StaffSession, StaffUser } from "@/lib/generated/prisma/client";

export async function insertStaffSession(data: { id: string; staffId: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date }): Promise<void> {
  await db.staffSession.create({ data });
}

const STAFF_COLUMNS = ["id", "email", "name", "passwordHash", "role", "active", "mustChangePassword", "createdAt", "updatedAt"] as const;
const SESSION_WITH_STAFF = `SELECT s.*, ${columns("u", "staff_", STAFF_COLUMNS)} FROM "StaffSession" AS s JOIN "StaffUser" AS u ON u."id" = s."staffId" WHERE s."id" = $1`;

/**
 * A session with its staff user: every signed-in request reads it, so through the driver, one
 * statement prepared once (through Prisma it was two, prepared again each time, and concurrent
 * requests' reads were batched into a plan per batch size).
 */
export async function getStaffSessionWithStaff(id: string): Promise<(StaffSession & { staff: StaffUser }) | null> {
  return read(function* (): Work<(StaffSession & { staff: StaffUser }) | null> {
    const [r]: Row[] = yield q(SESSION_WITH_STAFF, id);
    if (!r) return null;
    return {
      id: text(r.id),
      staffId: text(r.staffId),
      createdAt: dateOf(r.createdAt),
      lastSeenAt: dateOf(r.lastSeenAt),
      expiresAt: dateOf(r.expiresAt),
      endedAt: maybeDate(r.endedAt),
      endReason: maybeText(r.endReason),
      staff: {
        id: text(r.staff_id),
        email: text(r.staff_email),
        name: text(r.staff_name),
        passwordHash: maybeText(r.staff_passwordHash),
        role: text(r.staff_role),
        active: flag(r.staff_active),
        mustChangePassword: flag(r.staff_mustChangePassword),
        createdAt: dateOf(r.staff_createdAt),
        updatedAt: dateOf(r.staff_updatedAt),
      },
    };
  });
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
