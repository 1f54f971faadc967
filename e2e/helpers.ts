import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@example.test", password: "admin-password-e2e" };

export async function signIn(page: Page, who = ADMIN) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

export async function startOnboarding(page: Page, externalRef: string) {
  await page.goto("/onboarding");
  await page.getByLabel("External reference (optional)").fill(externalRef);
  await expect(page.getByRole("checkbox").first()).toBeVisible(); // document types loaded from the emulator
  await page.getByRole("button", { name: "Start onboarding" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  await expect(page.getByTestId("flow-status")).toHaveText("Pending");
  const code = (await page.getByTestId("activation-code").textContent())!.replace(/\s/g, "");
  expect(code).toMatch(/^\d{10}$/);
  await expect(page.getByRole("img", { name: "Activation code QR" })).toBeVisible();
  return code;
}

/** Plays the phone: opens the virtual app from the console's link, activates, and runs the VideoID step. */
export async function proveWithVirtualApp(page: Page, outcome: "Accepted" | "Rejected", persona = /JANE SMITH/) {
  const [app] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: /Open the virtual app/ }).click()]);
  await app.waitForLoadState();
  await expect(app.getByRole("textbox", { name: "Activation code" })).not.toHaveValue("");
  await app.getByRole("button", { name: "Activate", exact: true }).click();
  await app.getByRole("radio", { name: persona }).check();
  await app.getByRole("button", { name: "Capture document" }).click();
  await app.getByRole("button", { name: "Capture selfie" }).click();
  await app.getByRole("radio", { name: new RegExp(`^${outcome}`) }).check();
  await app.getByRole("button", { name: "Submit proofing" }).click();
  await expect(app.getByRole("heading", { name: `Proofing ${outcome.toLowerCase()}` })).toBeVisible();
  return app;
}

/** The emulator's API with the default client, as a script (or someone else's CI) would call it. */
export async function emulatorApi(request: APIRequestContext) {
  const tokenResponse = await request.post("/emulator/auth/open/connect/token", {
    form: { grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: "emulator-secret" },
  });
  const token = (await tokenResponse.json()).access_token as string;
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: async (path: string) => (await request.get(`/emulator${path}`, { headers })).json(),
    post: async (path: string, data: unknown) => (await request.post(`/emulator${path}`, { headers, data })).json(),
    put: async (path: string, data: unknown) => (await request.put(`/emulator${path}`, { headers, data })).json(),
    delete: (path: string) => request.delete(`/emulator${path}`, { headers }),
  };
}
