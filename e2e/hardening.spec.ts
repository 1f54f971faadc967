// What the hardening promises, seen from outside: headers on pages and API answers, cross-site
// writes and oversized bodies refused, and no environment pointing at a cloud metadata address.
// The sign-in lock-out is in zy-signin-lockout.spec.ts.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

async function auditEntries(request: APIRequestContext, filter: Record<string, string>) {
  const response = await request.get(`/api/audit?${new URLSearchParams(filter)}`);
  expect(response.status()).toBe(200);
  return (await response.json()).data.items as { action: string; target: string | null; detail: string | null }[];
}

test("pages and API answers carry the security headers; HSTS only over https", async ({ request }) => {
  // The emulator's answers come from the lean HTTP layer (scripts/server/), not through proxy.ts: the same headers.
  for (const path of ["/signin", "/api/health", "/emulator/auth/open/.well-known/openid-configuration"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("connect-src 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-request-id"]).toMatch(/^[\w-]+$/);
    expect(headers["strict-transport-security"]).toBeUndefined();
  }
  // Without TRUST_PROXY a client cannot claim https for itself.
  expect((await request.get("/signin", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"]).toBeUndefined();
  const app = await request.get("/authenticator");
  expect(app.headers()["permissions-policy"]).toContain("camera=(self)");
  const echoed = await request.get("/api/health", { headers: { "x-request-id": "e2e-request-42" } });
  expect(echoed.headers()["x-request-id"]).toBe("e2e-request-42");
});

test.describe("as the admin", () => {
  test.beforeEach(async ({ page }) => signIn(page));

  test("a write from another site's page is refused, and the refusal is audited", async ({ page, request }) => {
    const response = await page.request.post("/api/environments/select", { headers: { origin: "https://evil.example" }, data: { environmentId: "x" } });
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "cross_site", message: "The console refuses changes requested by another site's page." } });
    const entries = await auditEntries(page.request, { action: "security.cross_site_refused" });
    expect(entries[0]).toMatchObject({ target: "POST /api/environments/select", detail: "refused: Origin https://evil.example" });
    // Without a session the proxy refuses before any handler runs, first-run included.
    const anonymous = await request.post("/api/setup", { headers: { origin: "https://evil.example" }, data: {} });
    expect(anonymous.status()).toBe(403);
  });

  test("an oversized body is refused by the console API and by the emulator", async ({ page }) => {
    const big = { name: "x".repeat(70 * 1024) };
    const response = await page.request.post("/api/environments", { data: big });
    expect(response.status()).toBe(413);
    expect((await response.json()).error.code).toBe("body_too_large");
    const emulator = await page.request.post("/emulator/simulator/activations", { data: big });
    expect(emulator.status()).toBe(413);
    expect(await emulator.json()).toMatchObject({ code: "payload_too_large", status: 413 });
  });

  test("an environment pointing at a cloud metadata address is refused with a field error", async ({ page }) => {
    await page.goto("/environments");
    await page.getByRole("button", { name: "Add environment" }).click();
    await page.getByLabel("Name").fill("Metadata");
    await page.getByLabel("API base URL").fill("http://169.254.169.254/latest");
    await page.getByLabel("Client id").fill("metadata-client");
    await page.getByLabel("Client secret").fill("metadata-secret-value");
    await page.getByRole("button", { name: "Save environment" }).click();
    await expect(page.getByText("The console does not call this address: 169.254.169.254 is a cloud metadata address.")).toBeVisible();
    const api = await page.request.post("/api/environments", {
      data: { name: "Metadata", kind: "sandbox", baseUrl: "http://169.254.169.254", clientId: "c", clientSecret: "metadata-secret-value" },
    });
    expect(api.status()).toBe(400);
    expect((await api.json()).error.fields.baseUrl).toMatch(/cloud metadata address/);
  });
});
