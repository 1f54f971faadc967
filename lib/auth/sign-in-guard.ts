/**
 * Sign-in with a brake: after SIGNIN_MAX_FAILURES failed attempts for one account, or
 * SIGNIN_MAX_FAILURES_PER_ADDRESS from one client address, within SIGNIN_WINDOW_MINUTES, that
 * account or address is locked for SIGNIN_LOCKOUT_MINUTES: even the right password is refused.
 *
 * The count is the audit trail itself (append-only, shared by every console process): failed
 * `staff.signin` entries carry the normalized email as target and the address at the end of
 * the detail; a lock-out is a `staff.signin.locked` entry, so every process sees the same
 * state. Failures before a lock-out ended no longer count, so attempts refused while locked
 * do not extend it.
 */
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { authenticateStaff, normalizeEmail } from "@/lib/staff";
import type { StaffSession } from "./roles";

const SIGNIN = "staff.signin";
const LOCKED = "staff.signin.locked";
const MINUTE = 60_000;

export function signInLimits(env: Record<string, string | undefined> = process.env) {
  return {
    maxPerAccount: Number(env.SIGNIN_MAX_FAILURES) || 5,
    maxPerAddress: Number(env.SIGNIN_MAX_FAILURES_PER_ADDRESS) || 20,
    windowMs: (Number(env.SIGNIN_WINDOW_MINUTES) || 15) * MINUTE,
    lockoutMs: (Number(env.SIGNIN_LOCKOUT_MINUTES) || 15) * MINUTE,
  };
}

type Key = { kind: "account" | "address"; lockTarget: string; failures: object; max: number };

const addressSuffix = (address: string) => `; from ${address}`;

function keysFor(email: string, address: string, limits: ReturnType<typeof signInLimits>): Key[] {
  const keys: Key[] = [{ kind: "account", lockTarget: email, failures: { target: email }, max: limits.maxPerAccount }];
  if (address !== "unknown") {
    keys.push({ kind: "address", lockTarget: `address ${address}`, failures: { detail: { endsWith: addressSuffix(address) } }, max: limits.maxPerAddress });
  }
  return keys;
}

/** The lock on this key: when it ends if still running, and since when failures count. */
async function lockState(key: Key, now: number, limits: ReturnType<typeof signInLimits>) {
  const last = await db.auditEntry.findFirst({
    where: { action: LOCKED, target: key.lockTarget, createdAt: { gt: new Date(now - limits.windowMs - limits.lockoutMs) } },
    orderBy: { createdAt: "desc" },
  });
  const lockEnd = last ? last.createdAt.getTime() + limits.lockoutMs : 0;
  return { lockedUntil: lockEnd > now ? new Date(lockEnd) : null, countFrom: new Date(Math.max(now - limits.windowMs, lockEnd)) };
}

async function recentFailures(key: Key, since: Date): Promise<number> {
  return db.auditEntry.count({ where: { action: SIGNIN, outcome: "error", createdAt: { gte: since }, ...key.failures } });
}

/** Checks the password unless the account or the address is locked; records the attempt, and a lock-out when this failure starts one. */
export async function signInWithGuard(rawEmail: string, password: string, clientAddress: string): Promise<StaffSession | null> {
  const limits = signInLimits();
  const email = normalizeEmail(rawEmail).slice(0, 200);
  const address = clientAddress.replace(/[^\w.:]/g, "").slice(0, 64) || "unknown";
  const actorFor = (staff: StaffSession | null) => staff ?? { id: null, email: email || "(empty)", role: "none" };
  const keys = keysFor(email, address, limits);

  const now = Date.now();
  const states = await Promise.all(keys.map((key) => lockState(key, now, limits)));
  const locked = states.findIndex((s) => s.lockedUntil);
  if (locked >= 0) {
    const detail = `refused: ${keys[locked].kind} locked out until ${states[locked].lockedUntil!.toISOString()}${addressSuffix(address)}`;
    await recordAudit({ actor: actorFor(null), action: SIGNIN, target: email, outcome: "error", detail });
    return null;
  }

  const staff = await authenticateStaff(email, password);
  await recordAudit({
    actor: actorFor(staff),
    action: SIGNIN,
    target: email,
    outcome: staff ? "ok" : "error",
    detail: `${staff ? "signed in" : "wrong email or password, or deactivated"}${addressSuffix(address)}`,
  });
  if (staff) return staff;

  for (const [i, key] of keys.entries()) {
    const failures = await recentFailures(key, states[i].countFrom);
    if (failures < key.max) continue;
    const until = new Date(Date.now() + limits.lockoutMs);
    await recordAudit({
      actor: actorFor(null),
      action: LOCKED,
      target: key.lockTarget,
      outcome: "error",
      detail: `${failures} failed sign-ins in ${limits.windowMs / MINUTE} minutes: ${key.kind} locked until ${until.toISOString()}${addressSuffix(address)}`,
    });
  }
  return null;
}
