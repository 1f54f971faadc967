// The console side of issue 9, seen from outside over real HTTP and a real browser: malformed
// paths, a forged X-Forwarded-For, sign-out ending a copied cookie, activation codes hidden from
// a viewer, and an admin's password reset. Runs after staff-audit.spec.ts (whose audit view
// expects its own staff.create to be the only one) and before zy-signin-lockout.spec.ts.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, startOnboarding } from "./helpers";

const VIEWER = { name: "Vera Viewer", email: "vera.viewer@example.test", password: "viewer-password-e2e", role: "viewer", reason: "security e2e" };
const FORGED = { name: "Forged Address", email: "forged@example.test", password: "forged-password-e2e", role: "tester", reason: "security e2e" };

async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("a malformed percent-encoding on any dynamic route is a 400 in the console's error shape, with the security headers", async ({ request }) => {
  const paths = ["/api/flows/%FF", "/api/flows/%FF/export", "/api/users/%E0%A4", "/api/environments/%FF", "/api/staff/%FF/role", "/api/proofings/%FF/x", "/flows/%FF", "/users/%C0"];
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "malformed_path", message: "The request path has a malformed percent-encoding." } });
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
});

test.describe("with the admin signed in", () => {
  test.beforeEach(async ({ page }) => signIn(page));

  test("a forged X-Forwarded-For neither dodges the sign-in brake nor chooses the audited address", async ({ page, browser }) => {
    expect((await page.request.post("/api/staff", { data: FORGED })).status()).toBe(201);
    const { context, page: other } = await freshPage(browser);
    let through = 0;
    for (let i = 0; i < 6; i++) {
      await other.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i + 1}` });
      await attemptSignIn(other, FORGED.email, `wrong-${i}`);
      await expect(other.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();
    }
    await other.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.99" });
    await attemptSignIn(other, FORGED.email, FORGED.password);
    await expect(other.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();
    through += await other.getByRole("navigation", { name: "Main" }).count();
    await context.close();
    expect(through).toBe(0);

    const audit = (await (await page.request.get(`/api/audit?${new URLSearchParams({ action: "staff.signin", target: FORGED.email })}`)).json()).data.items as {
      clientAddress: string | null;
      detail: string;
    }[];
    expect(audit.length).toBe(7);
    expect(new Set(audit.map((e) => e.clientAddress))).toEqual(new Set(["127.0.0.1"]));
    expect(audit[0].detail).toMatch(/^refused: account from this address locked out until .*; from 127\.0\.0\.1$/);
  });

  test("sign-out ends the session on the server: a copied cookie is refused at once", async ({ page, browser }) => {
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.includes("next-auth.session-token"))).toBe(true);
    expect((await page.request.get("/api/auth/session").then((r) => r.json())).user.role).toBe("admin");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);

    const { context, page: thief } = await freshPage(browser);
    await context.addCookies(cookies);
    expect((await thief.request.get("/api/flows")).status()).toBe(401);
    expect(await (await thief.request.get("/api/auth/session")).json()).toEqual({});
    await thief.goto("/flows");
    await expect(thief).toHaveURL(/\/signin/);
    await context.close();
  });

  test("a viewer sees that an activation code exists, never the code, its link or its QR", async ({ page, browser }) => {
    expect((await page.request.post("/api/staff", { data: VIEWER })).status()).toBe(201);
    const code = await startOnboarding(page, "viewer-must-not-see");
    const flowUrl = page.url();

    const { context, page: viewer } = await freshPage(browser);
    await signIn(viewer, VIEWER);
    await viewer.goto(flowUrl);
    await expect(viewer.getByTestId("flow-status")).toHaveText("Pending");
    await expect(viewer.getByText("An activation code was issued and is waiting to be used")).toBeVisible();
    await expect(viewer.getByTestId("activation-code")).toHaveCount(0);
    await expect(viewer.getByRole("img", { name: "Activation code QR" })).toHaveCount(0);
    await expect(viewer.getByRole("link", { name: /Open the virtual app/ })).toHaveCount(0);
    await viewer.screenshot({ path: "test-results/screens/viewer-flow-without-code.png", fullPage: true });
    expect(await viewer.content()).not.toContain(code); // the HTML and its RSC payload
    const api = await viewer.request.get(flowUrl.replace("/flows/", "/api/flows/"));
    expect(await api.text()).not.toContain(code);
    const exported = await viewer.request.get(`${flowUrl.replace("/flows/", "/api/flows/")}/export?format=json`);
    expect(await exported.text()).not.toContain(code);
    await context.close();
  });

  test("an admin resets a password: the person's session ends and their next sign-in must choose a new one", async ({ page, browser }) => {
    const { context, page: viewer } = await freshPage(browser);
    await signIn(viewer, VIEWER);
    await page.goto("/staff");
    await page.getByRole("button", { name: `Reset password of ${VIEWER.email}` }).click();
    await page.getByLabel("One-time password").fill("one-time-password-1");
    await page.getByLabel("Reason").fill("forgot it");
    await page.getByRole("button", { name: "Reset password", exact: true }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    expect((await viewer.request.get("/api/flows")).status()).toBe(401);

    await attemptSignIn(viewer, VIEWER.email, "one-time-password-1");
    await expect(viewer).toHaveURL(/\/account\/password$/);
    await expect(viewer.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await viewer.screenshot({ path: "test-results/screens/choose-new-password.png", fullPage: true });
    await viewer.goto("/flows");
    await expect(viewer).toHaveURL(/\/account\/password$/); // nothing else opens first
    await viewer.getByLabel("The password you signed in with").fill("one-time-password-1");
    await viewer.getByLabel("New password").fill("vera-chose-this-one");
    await viewer.getByRole("button", { name: "Change password" }).click();
    await expect(viewer.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(viewer).not.toHaveURL(/\/account\/password/);
    await context.close();

    const audit = (await (await page.request.get(`/api/audit?${new URLSearchParams({ target: VIEWER.email })}`)).json()).data.items as { action: string }[];
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(["staff.password.reset", "staff.password.change"]));
  });
});
