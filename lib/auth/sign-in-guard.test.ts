// The sign-in brake on a real database: counted from the audit trail, so it holds across processes.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createStaffUser } from "@/lib/staff";
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
});
afterEach(() => vi.useRealTimers());

describe("signInWithGuard", () => {
  it("signs in with the right password and records the attempt with the address", async () => {
    const email = await staffUser();
    expect(await signInWithGuard(` ${email.toUpperCase()} `, PASSWORD, "198.51.100.1")).toMatchObject({ email });
    const entry = await db.auditEntry.findFirst({ where: { action: "staff.signin", target: email }, orderBy: { createdAt: "desc" } });
    expect(entry).toMatchObject({ outcome: "ok", detail: "signed in; from 198.51.100.1" });
  });

  it("locks the account after the allowed failures: the right password fails too, and the lock-out is in the audit trail", async () => {
    const email = await staffUser();
    for (let i = 0; i < 3; i++) expect(await signInWithGuard(email, "wrong", `198.51.100.${10 + i}`)).toBeNull();
    expect(await signInWithGuard(email, PASSWORD, "198.51.100.20")).toBeNull();
    const locked = await db.auditEntry.findMany({ where: { action: "staff.signin.locked", target: email } });
    expect(locked).toHaveLength(1);
    expect(locked[0].detail).toMatch(/^3 failed sign-ins in 15 minutes: account locked until /);
    const refused = await db.auditEntry.findFirst({ where: { action: "staff.signin", target: email }, orderBy: { createdAt: "desc" } });
    expect(refused?.detail).toMatch(/^refused: account locked out until .*; from 198\.51\.100\.20$/);
  });

  it("lets the right password in once the lock-out has ended, and attempts refused while locked do not extend it", async () => {
    const email = await staffUser();
    const now = Date.now();
    vi.useFakeTimers({ now: now - 20 * 60_000, toFake: ["Date"] }); // the audit rows take their time from the same clock
    for (let i = 0; i < 3; i++) await signInWithGuard(email, "wrong", "198.51.100.30");
    vi.setSystemTime(now - 10 * 60_000);
    expect(await signInWithGuard(email, PASSWORD, "198.51.100.31")).toBeNull(); // still locked
    vi.setSystemTime(now);
    expect(await signInWithGuard(email, "wrong", "198.51.100.31")).toBeNull();
    expect(await signInWithGuard(email, PASSWORD, "198.51.100.31")).toMatchObject({ email });
    expect(await db.auditEntry.count({ where: { action: "staff.signin.locked", target: email } })).toBe(1);
  });

  it("locks an address that tries many accounts, without locking those accounts elsewhere", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 200)}`;
    const emails = await Promise.all([1, 2, 3, 4, 5].map(() => staffUser()));
    for (const email of emails) await signInWithGuard(email, "wrong", address);
    expect(await db.auditEntry.count({ where: { action: "staff.signin.locked", target: `address ${address}` } })).toBe(1);
    expect(await signInWithGuard(emails[0], PASSWORD, address)).toBeNull();
    expect(await signInWithGuard(emails[0], PASSWORD, "198.51.100.99")).toMatchObject({ email: emails[0] });
  });
});
