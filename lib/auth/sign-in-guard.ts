/**
 * Sign-in with a brake that an attacker can neither dodge nor turn against the admin, after
 * Keycloak's brute-force detection. Failures within SIGNIN_WINDOW_MINUTES count three ways:
 *  - per account and address pair: SIGNIN_MAX_FAILURES (5) lock that pair, so a stranger's
 *    wrong passwords do not lock the owner out from their own address;
 *  - per address across accounts: SIGNIN_MAX_FAILURES_PER_ADDRESS (20) lock the address;
 *  - per account: only SIGNIN_ACCOUNT_MAX_FAILURES (50) from at least
 *    SIGNIN_ACCOUNT_MIN_ADDRESSES (5) different addresses lock the account everywhere.
 * A lock lasts SIGNIN_LOCKOUT_MINUTES; even the right password is refused meanwhile.
 *
 * The count is the audit trail itself (append-only, shared by every console process): failed
 * `staff.signin` entries carry the normalized email as target and the address in their own
 * column; a lock-out is a `staff.signin.locked` entry, so every process sees the same state.
 * Failures before a lock-out ended no longer count, so attempts refused while locked do not
 * extend it. The address comes from lib/security/proxy-trust.ts, so it cannot be forged.
 */
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { countAuditClientAddresses, countAuditEntries, latestAuditEntryFor } from "@/lib/data/queries/audit-entries";
import { storableText } from "@/lib/http/text-safety";
import { log } from "@/lib/log";
import { authenticateStaff, normalizeEmail } from "@/lib/staff/accounts";
import type { StaffSession } from "./roles";
import { settings } from "@/lib/config";

const SIGNIN = "staff.signin" satisfies AuditAction;
const LOCKED = "staff.signin.locked" satisfies AuditAction;
const MINUTE = 60_000;

export function signInLimits() {
  const s = settings();
  return {
    maxPerPair: s.SIGNIN_MAX_FAILURES,
    maxPerAddress: s.SIGNIN_MAX_FAILURES_PER_ADDRESS,
    maxPerAccount: s.SIGNIN_ACCOUNT_MAX_FAILURES,
    minAccountAddresses: s.SIGNIN_ACCOUNT_MIN_ADDRESSES,
    windowMs: s.SIGNIN_WINDOW_MINUTES * MINUTE,
    lockoutMs: s.SIGNIN_LOCKOUT_MINUTES * MINUTE,
  };
}
type Limits = ReturnType<typeof signInLimits>;

type Key = { kind: "pair" | "address" | "account"; label: string; lockTarget: string; failures: object; max: number; minAddresses?: number };

const addressSuffix = (address: string) => `; from ${address}`;

function keysFor(email: string, address: string, limits: Limits): Key[] {
  const keys: Key[] = [];
  if (address !== "unknown") {
    keys.push({ kind: "pair", label: "account from this address", lockTarget: `${email} from ${address}`, failures: { target: email, clientAddress: address }, max: limits.maxPerPair });
    keys.push({ kind: "address", label: "address", lockTarget: `address ${address}`, failures: { clientAddress: address }, max: limits.maxPerAddress });
  }
  // Without a known address the account itself is the only key: the pair limit applies to it.
  const unknownAddress = address === "unknown";
  keys.push({
    kind: "account",
    label: "account",
    lockTarget: email,
    failures: { target: email },
    max: unknownAddress ? limits.maxPerPair : limits.maxPerAccount,
    minAddresses: unknownAddress ? 0 : limits.minAccountAddresses,
  });
  return keys;
}

/** The lock on this key: when it ends if still running, and since when failures count. */
async function lockState(key: Key, now: number, limits: Limits) {
  const last = await latestAuditEntryFor(LOCKED, key.lockTarget, new Date(now - limits.windowMs - limits.lockoutMs));
  const lockEnd = last ? last.createdAt.getTime() + limits.lockoutMs : 0;
  return { lockedUntil: lockEnd > now ? new Date(lockEnd) : null, countFrom: new Date(Math.max(now - limits.windowMs, lockEnd)) };
}

const failureWhere = (key: Key, since: Date) => ({ action: SIGNIN, outcome: "error", createdAt: { gte: since }, ...key.failures });

/** Whether this key's failures reached its limit (and, for the account, came from enough addresses). */
async function limitReached(key: Key, since: Date): Promise<number | null> {
  const failures = await countAuditEntries(failureWhere(key, since));
  if (failures < key.max) return null;
  if (key.minAddresses) {
    if ((await countAuditClientAddresses(failureWhere(key, since))) < key.minAddresses) return null;
  }
  return failures;
}

/** Checks the password unless the pair, the address or the account is locked; records the attempt, and a lock-out when this failure starts one. */
export async function signInWithGuard(rawEmail: string, password: string, clientAddress: string): Promise<StaffSession | null> {
  const limits = signInLimits();
  // A NUL or lone surrogate can match no account; made storable it is recorded like any wrong email.
  const email = storableText(normalizeEmail(rawEmail)).slice(0, 200);
  const address = clientAddress.replace(/[^\w.:]/g, "").slice(0, 64) || "unknown";
  const actorFor = (staff: StaffSession | null) => staff ?? { id: null, email: email || "(empty)", role: "none" };
  const record = (entry: Omit<Parameters<typeof recordAudit>[0], "actor" | "clientAddress"> & { staff?: StaffSession | null }) =>
    recordAudit({ actor: actorFor(entry.staff ?? null), clientAddress: address, ...entry });
  const keys = keysFor(email, address, limits);

  const now = Date.now();
  const states = await Promise.all(keys.map((key) => lockState(key, now, limits)));
  const locked = states.findIndex((s) => s.lockedUntil);
  if (locked >= 0) {
    const detail = `refused: ${keys[locked].label} locked out until ${states[locked].lockedUntil!.toISOString()}${addressSuffix(address)}`;
    await record({ action: SIGNIN, target: email, outcome: "error", detail });
    log.info("sign-in refused", { email, address, lock: keys[locked].kind });
    return null;
  }

  const staff = storableText(password) === password ? await authenticateStaff(email, password) : null;
  await record({
    staff,
    action: SIGNIN,
    target: email,
    outcome: staff ? "ok" : "error",
    detail: `${staff ? "signed in" : "wrong email or password, or deactivated"}${addressSuffix(address)}`,
  });
  // One line per sign-in, so a user's hop between console instances shows in their logs.
  log.info(staff ? "signed in" : "sign-in failed", { email, address });
  if (staff) return staff;

  for (const [i, key] of keys.entries()) {
    const failures = await limitReached(key, states[i].countFrom);
    if (failures === null) continue;
    const until = new Date(Date.now() + limits.lockoutMs);
    await record({
      action: LOCKED,
      target: key.lockTarget,
      outcome: "error",
      detail: `${failures} failed sign-ins in ${limits.windowMs / MINUTE} minutes: ${key.label} locked until ${until.toISOString()}${addressSuffix(address)}`,
    });
  }
  return null;
}
