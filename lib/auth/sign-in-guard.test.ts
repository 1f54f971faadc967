// The sign-in brake on a real database: counted from the audit trail, so it holds across processes.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/data/db";
import { createStaffUser } from "@/lib/staff/accounts";
import { signInWithGuard } from "./sign-in-guard";

const PASSWORD = "the-right-password";
let n = 0;
async function staffUser() {
  const email = `guard-${++n}-${Date.now()}@example.test`;
  await createStaffUser({ email, name: "Guard test", password: PASSWORD, role: "tester" });
  return email;
}

beforeAll(() => {
  vi.stubEnv("SIGNIN_MAX_FAILURES", "3");
  vi.stubEnv("SIGNIN_MAX_FAILURES_PER_ADDRESS", "5");
  vi.stubEnv("SIGNIN_ACCOUNT_MAX_FAILURES", "8");
  vi.stubEnv("SIGNIN_ACCOUNT_MIN_ADDRESSES", "4");
});
afterEach(() => vi.useRealTimers());

describe("signInWithGuard", () => {
  it("signs in with the right password and records the attempt with the address in its own column", async () => {
    const email = await staffUser();
    expect(await signInWithGuard(` ${email.toUpperCase()} `, PASSWORD, "198.51.100.1")).toMatchObject({ email });
    const entry = await db.auditEntry.findFirst({ where: { action: "staff.signin", target: email }, orderBy: { createdAt: "desc" } });
    expect(entry).toMatchObject({ outcome: "ok", detail: "signed in; from 198.51.100.1", clientAddress: "198.51.100.1" });
  });

  it("locks the account from one address after the allowed failures: the right password fails there, not from the owner's address", async () => {
    const email = await staffUser();
    for (let i = 0; i < 3; i++) expect(await signInWithGuard(email, "wrong", "198.51.100.10")).toBeNull();
    expect(await signInWithGuard(email, PASSWORD, "198.51.100.10")).toBeNull();
    const locked = await db.auditEntry.findMany({ where: { action: "staff.signin.locked", target: `${email} from 198.51.100.10` } });
    expect(locked).toHaveLength(1);
    expect(locked[0].detail).toMatch(/^3 failed sign-ins in 15 minutes: account from this address locked until /);
    const refused = await db.auditEntry.findFirst({ where: { action: "staff.signin", target: email }, orderBy: { createdAt: "desc" } });
    expect(refused?.detail).toMatch(/^refused: account from this address locked out until .*; from 198\.51\.100\.10$/);
    // the attacker's failures do not lock the owner out of their own address
    expect(await signInWithGuard(email, PASSWORD, "192.0.2.50")).toMatchObject({ email });
  });

  it("lets the right password in once the lock-out has ended, and attempts refused while locked do not extend it", async () => {
    const email = await staffUser();
    const now = Date.now();
    vi.useFakeTimers({ now: now - 20 * 60_000, toFake: ["Date"] }); // the audit rows take their time from the same clock
    for (let i = 0; i < 3; i++) await signInWithGuard(email, "wrong", "198.51.100.30");
    vi.setSystemTime(now - 10 * 60_000);
    expect(await signInWithGuard(email, PASSWORD, "198.51.100.30")).toBeNull(); // still locked
    vi.setSystemTime(now);
    expect(await signInWithGuard(email, "wrong", "198.51.100.30")).toBeNull();
    expect(await signInWithGuard(email, PASSWORD, "198.51.100.30")).toMatchObject({ email });
    expect(await db.auditEntry.count({ where: { action: "staff.signin.locked", target: `${email} from 198.51.100.30` } })).toBe(1);
  });

  it("locks an address that tries many accounts, without locking those accounts elsewhere", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 200)}`;
    const emails = await Promise.all([1, 2, 3, 4, 5].map(() => staffUser()));
    for (const email of emails) await signInWithGuard(email, "wrong", address);
    expect(await db.auditEntry.count({ where: { action: "staff.signin.locked", target: `address ${address}` } })).toBe(1);
    expect(await signInWithGuard(emails[0], PASSWORD, address)).toBeNull();
    expect(await signInWithGuard(emails[0], PASSWORD, "198.51.100.99")).toMatchObject({ email: emails[0] });
  });

  // Sixteen password checks (scrypt): CPU-bound, slow on a busy machine.
  it("locks the account everywhere only after many failures from many addresses, with an audit entry", { timeout: 90_000 }, async () => {
    const email = await staffUser();
    // 8 failures from 2 addresses: many, but too few addresses for an account-wide lock
    for (let i = 0; i < 8; i++) await signInWithGuard(email, "wrong", `198.51.100.${60 + (i % 2)}`);
    expect(await db.auditEntry.count({ where: { action: "staff.signin.locked", target: email } })).toBe(0);
    expect(await signInWithGuard(email, PASSWORD, "192.0.2.61")).toMatchObject({ email });
    const other = await staffUser();
    for (let i = 0; i < 8; i++) await signInWithGuard(other, "wrong", `198.51.100.${70 + (i % 4)}`);
    const locked = await db.auditEntry.findMany({ where: { action: "staff.signin.locked", target: other } });
    expect(locked).toHaveLength(1);
    expect(locked[0].detail).toMatch(/^8 failed sign-ins in 15 minutes: account locked until /);
    expect(await signInWithGuard(other, PASSWORD, "192.0.2.62")).toBeNull();
  });

  it("treats a NUL character in the email as a wrong email, not a database error", async () => {
    const email = await staffUser();
    expect(await signInWithGuard(`${email}\u0000`, PASSWORD, "198.51.100.80")).toBeNull();
    expect(await signInWithGuard(`\ud800${email}`, PASSWORD, "198.51.100.80")).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "staff.signin", clientAddress: "198.51.100.80", outcome: "error" } })).toBe(2);
  });
});
