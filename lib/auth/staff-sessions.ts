/**
 * Server-side staff sessions. next-auth keeps its JWT cookie; the cookie carries a session id
 * (`sid`) that must name a live StaffSession row, so a session can be ended before the cookie
 * expires: sign-out, an admin deactivating, reactivating or re-roling someone, a password change
 * or reset, the idle timeout (SESSION_IDLE_MINUTES, default 30) and the absolute lifetime
 * (SESSION_MAX_HOURS, default 8) all end it at once, on every console process.
 */
import { randomBytes } from "node:crypto";
import { endLiveStaffSession, endLiveStaffSessionsOf, getStaffSessionWithStaff, insertStaffSession, touchStaffSession } from "@/lib/data/queries/staff-sessions";
import { isRole, type StaffSession } from "./roles";
import { settings } from "@/lib/config";

const MINUTE = 60_000;
// lastSeenAt is written at most this often per session: a page polling every 1.5 s should not write each time.
const TOUCH_EVERY_MS = 30_000;
// What startStaffSession makes (24 random bytes, base64url), with room: anything else names no
// session and is not looked up (PostgreSQL refuses a NUL in text outright).
const SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function sessionLimits() {
  const { SESSION_MAX_HOURS, SESSION_IDLE_MINUTES } = settings();
  return { maxAgeMs: SESSION_MAX_HOURS * 60 * MINUTE, idleMs: SESSION_IDLE_MINUTES * MINUTE };
}

export type SessionStaff = StaffSession & { sessionId: string; mustChangePassword: boolean };

export async function startStaffSession(staffId: string): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const now = new Date();
  await insertStaffSession({ id, staffId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionLimits().maxAgeMs) });
  return id;
}

/** The staff user behind a live session, or null: ended, idle too long, past its lifetime, or its user deactivated. */
export async function staffForSession(sessionId: unknown, staffId: unknown): Promise<SessionStaff | null> {
  if (typeof sessionId !== "string" || !SESSION_ID.test(sessionId) || typeof staffId !== "string") return null;
  const row = await getStaffSessionWithStaff(sessionId);
  if (!row || row.staffId !== staffId || row.endedAt) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await endStaffSession(sessionId, "lifetime over");
    return null;
  }
  if (row.lastSeenAt.getTime() + sessionLimits().idleMs <= now) {
    await endStaffSession(sessionId, "idle");
    return null;
  }
  const user = row.staff;
  if (!user.active || !isRole(user.role)) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchStaffSession(sessionId, new Date(now));
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId, mustChangePassword: user.mustChangePassword };
}

export async function endStaffSession(sessionId: unknown, reason: string): Promise<void> {
  if (typeof sessionId !== "string") return;
  await endLiveStaffSession(sessionId, reason);
}

/** Ends every live session of a staff user (but `except`, the caller's own when they change their own password). Returns how many. */
export async function endSessionsOfStaff(staffId: string, reason: string, except?: string): Promise<number> {
  return endLiveStaffSessionsOf(staffId, reason, except);
}
