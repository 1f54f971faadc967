// Five wrong passwords lock an account from that address: the right one then fails there too,
// and the audit trail shows the lock-out. Runs after staff-audit.spec.ts (file names sort), whose audit view expects its own
// staff.create to be the only one, and before the closing zz-secret-scan.spec.ts.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

const LOCKED_USER = { name: "Lock-out test", email: "lockout@example.test", password: "lockout-password-e2e", role: "tester", reason: "hardening test" };

async function auditEntries(request: APIRequestContext, filter: Record<string, string>) {
  const response = await request.get(`/api/audit?${new URLSearchParams(filter)}`);
  expect(response.status()).toBe(200);
  return (await response.json()).data.items as { action: string; target: string | null; detail: string | null }[];
}

test.beforeEach(async ({ page }) => signIn(page));

test("five wrong passwords lock the account from that address: the right one then fails too, and the audit shows the lock-out", async ({ page, browser }) => {
  expect((await page.request.post("/api/staff", { data: LOCKED_USER })).status()).toBe(201);
  const context = await browser.newContext();
  const other = await context.newPage();
  const attempt = async (password: string) => {
    await other.goto("/signin");
    await other.getByLabel("Email").fill(LOCKED_USER.email);
    await other.getByLabel("Password").fill(password);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();
  };
  for (let i = 0; i < 5; i++) await attempt(`wrong-password-${i}`);
  await attempt(LOCKED_USER.password);
  await expect(other.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await context.close();

  const locked = await auditEntries(page.request, { action: "staff.signin.locked", target: `${LOCKED_USER.email} from 127.0.0.1` });
  expect(locked).toHaveLength(1);
  expect(locked[0].detail).toMatch(/^5 failed sign-ins in 15 minutes: account from this address locked until /);
  const attempts = await auditEntries(page.request, { action: "staff.signin", target: LOCKED_USER.email });
  expect(attempts[0].detail).toMatch(/^refused: account from this address locked out until /);
  await page.goto(`/audit?action=staff.signin.locked`);
  await expect(page.getByText(LOCKED_USER.email).first()).toBeVisible();
});
