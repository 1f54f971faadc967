// Company sign-in (OpenID Connect) as staff see it, against a real provider on a local port:
// roles from the provider's groups claim, refusals in plain words, the audit trail, and a
// console with password sign-in switched off. Each describe starts its own provider and
// console (e2e/oidc/sso-console.ts); the suite's default server is not used.
import { expect, test, type Page } from "@playwright/test";
import { startSsoConsole, type SsoConsole } from "./oidc/sso-console";

const SSO_SETTINGS = {
  OIDC_NAME: "Acme SSO",
  OIDC_SCOPE: "openid email profile groups",
  OIDC_ROLE_CLAIM: "groups",
  OIDC_ROLE_MAP: "console-admins=admin,console-support=support,console-testers=tester",
};
const PASSWORD_ADMIN = { email: "admin@example.test", password: "admin-password-e2e" };

/** Presses the console's button and signs in at the provider as one of e2e/oidc/provider.mjs's users. */
async function signInAtProvider(page: Page, login: string) {
  await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** The header names who is signed in and with which role. */
async function expectSignedInAs(page: Page, name: string, role: string) {
  const header = page.getByRole("banner");
  await expect(header.getByText(name, { exact: true })).toBeVisible();
  await expect(header.getByText(role, { exact: true })).toBeVisible();
}

test.describe("company sign-in beside the password form", () => {
  let sso: SsoConsole;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    sso = await startSsoConsole("both", { ...SSO_SETTINGS, ADMIN_EMAIL: PASSWORD_ADMIN.email, ADMIN_PASSWORD: PASSWORD_ADMIN.password });
  });
  test.afterAll(async () => sso?.stop());

  test("an admin of the company signs in as Admin, and the audit trail shows how", async ({ page }) => {
    await page.goto(`${sso.url}/audit`);
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole("button", { name: "Sign in with Acme SSO" })).toBeVisible();
    await expect(page.getByText("or with your console password")).toBeVisible();
    await expect(page.getByLabel("Password")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/sso-signin.png" });

    await signInAtProvider(page, "alice");
    await expect(page).toHaveURL(`${sso.url}/audit`); // back where the sign-in started
    await expectSignedInAs(page, "Alice Admin", "Admin");
    await expect(nav(page).getByRole("link", { name: "Staff" })).toBeVisible();

    const signin = page.getByRole("row").filter({ hasText: "staff.signin" }).filter({ hasText: "alice@company.test" });
    await expect(signin).toContainText("method: oidc");
    await expect(signin).toContainText("ok");
    const created = page.getByRole("row").filter({ hasText: "provisioned by single sign-on" });
    await expect(created).toContainText("staff.create");
    await expect(created).toContainText("alice@company.test");
    await expect(created).toContainText("role admin from the groups claim");
    await page.screenshot({ path: "test-results/screens/sso-audit.png", fullPage: true });

    await nav(page).getByRole("link", { name: "Staff" }).click();
    await expect(page.getByRole("heading", { name: "Staff", exact: true })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "alice@company.test" })).toContainText("Admin");
  });

  test("a tester of the company is a Tester and sees no Staff link", async ({ page }) => {
    await page.goto(`${sso.url}/signin`);
    await signInAtProvider(page, "tom");
    await expectSignedInAs(page, "Tom Tester", "Tester");
    await expect(nav(page).getByRole("link", { name: "Onboarding" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Staff" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/sso-tester.png" });
  });

  test("someone without a console group, or with an unverified email, is refused in plain words", async ({ page, browser }) => {
    await page.goto(`${sso.url}/signin`);
    await signInAtProvider(page, "nora");
    await expect(page).toHaveURL(/\/signin\?error=SsoNoRole/);
    const alert = page.getByRole("alert").filter({ hasText: "Sign-in failed" });
    await expect(alert).toContainText("your account there gives you no role in this console");
    await expect(nav(page)).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/sso-refused.png" });

    const other = await browser.newPage();
    await other.goto(`${sso.url}/signin`);
    await signInAtProvider(other, "una");
    await expect(other.getByRole("alert").filter({ hasText: "Sign-in failed" })).toContainText("Acme SSO says your email address is not verified");
    await other.close();

    // The password admin still signs in with the form, and reads both refusals in the trail.
    await page.getByLabel("Email").fill(PASSWORD_ADMIN.email);
    await page.getByLabel("Password").fill(PASSWORD_ADMIN.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(nav(page)).toBeVisible();
    await page.goto(`${sso.url}/audit?action=staff.signin&outcome=error`);
    await expect(page.getByRole("row").filter({ hasText: "nora@company.test" })).toContainText("no console role is mapped from the role claim (groups: everyone)");
    await expect(page.getByRole("row").filter({ hasText: "una@company.test" })).toContainText("not verified");
  });
});

test.describe("password sign-in switched off", () => {
  let sso: SsoConsole;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    sso = await startSsoConsole("only", { ...SSO_SETTINGS, PASSWORD_SIGNIN: "false" });
  });
  test.afterAll(async () => sso?.stop());

  test("the first run explains company sign-in, and the first company admin becomes admin", async ({ page }) => {
    await page.goto(`${sso.url}/signin`);
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Start with Acme SSO" })).toBeVisible();
    await expect(page.getByText("The first person whose claim maps to admin becomes the console's first admin")).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/sso-first-run.png" });

    // Someone without a role is turned away even while the console is empty.
    await signInAtProvider(page, "nora");
    await expect(page).toHaveURL(/\/setup\?error=SsoNoRole/);
    await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toContainText("gives you no role in this console");

    await page.context().clearCookies();
    await page.goto(`${sso.url}/setup`);
    await signInAtProvider(page, "alice");
    await expectSignedInAs(page, "Alice Admin", "Admin");
  });

  test("the password form is gone and a password sign-in is refused", async ({ page }) => {
    // A staff user with a password exists: an admin added one before the form was switched off.
    await page.goto(`${sso.url}/signin`);
    await signInAtProvider(page, "alice");
    await expect(nav(page)).toBeVisible();
    const added = await page.request.post(`${sso.url}/api/staff`, {
      data: { name: "Paula", email: "paula@example.test", password: "paula-password-1", role: "admin", reason: "kept a password account" },
    });
    expect(added.status()).toBe(201);
    await page.context().clearCookies();

    await page.goto(`${sso.url}/signin`);
    await expect(page.getByRole("button", { name: "Sign in with Acme SSO" })).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await expect(page.getByLabel("Email")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/sso-only.png" });

    const { csrfToken } = await (await page.request.get(`${sso.url}/api/auth/csrf`)).json();
    const refused = await page.request.post(`${sso.url}/api/auth/callback/credentials`, {
      form: { email: "paula@example.test", password: "paula-password-1", csrfToken, json: "true" },
      maxRedirects: 0,
    });
    expect(refused.headers()["set-cookie"] ?? "").not.toContain("session-token");
    expect(await (await page.request.get(`${sso.url}/api/auth/session`)).json()).toEqual({});
    await page.goto(`${sso.url}/`);
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe("two instances behind one public URL", () => {
  let sso: SsoConsole;
  test.beforeAll(async () => {
    test.setTimeout(200_000);
    sso = await startSsoConsole("two", { ...SSO_SETTINGS, PASSWORD_SIGNIN: "false" }, 2);
  });
  test.afterAll(async () => sso?.stop());

  test("a sign-in started on one instance finishes on the other, and the session works on both", async ({ page }) => {
    const [a, b] = sso.urls;
    await page.goto(`${b}/signin`);
    await signInAtProvider(page, "alice"); // state and PKCE cookies set by B, the callback handled by A (NEXTAUTH_URL)
    await expect(page).toHaveURL(`${a}/`);
    await expectSignedInAs(page, "Alice Admin", "Admin");

    await page.goto(`${b}/audit`);
    await expectSignedInAs(page, "Alice Admin", "Admin");
    await expect(page.getByRole("row").filter({ hasText: "staff.signin" })).toContainText("method: oidc");
  });
});
