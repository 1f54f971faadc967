// A tester's whole onboarding: console → virtual Authenticator App → console, against
// the embedded emulator, once accepted and once rejected.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

async function startOnboarding(page: Page, externalRef: string) {
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
async function proveWithVirtualApp(page: Page, outcome: "Accepted" | "Rejected") {
  const [app] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: /Open the virtual app/ }).click()]);
  await app.waitForLoadState();
  await expect(app.getByRole("textbox", { name: "Activation code" })).not.toHaveValue("");
  await app.getByRole("button", { name: "Activate", exact: true }).click();
  await app.getByRole("radio", { name: /JANE SMITH/ }).check();
  await app.getByRole("button", { name: "Capture document" }).click();
  await app.getByRole("button", { name: "Capture selfie" }).click();
  await app.getByRole("radio", { name: new RegExp(`^${outcome}`) }).check();
  await app.getByRole("button", { name: "Submit proofing" }).click();
  await expect(app.getByRole("heading", { name: `Proofing ${outcome.toLowerCase()}` })).toBeVisible();
  return app;
}

test.beforeEach(async ({ page }) => signIn(page));

test("an accepted proofing completes the onboarding with the persona's identity", async ({ page }) => {
  await startOnboarding(page, "e2e-accepted");
  const app = await proveWithVirtualApp(page, "Accepted");
  await app.screenshot({ path: "test-results/screens/virtual-app-accepted.png" });
  await app.close();

  await expect(page.getByTestId("flow-status")).toHaveText("Completed", { timeout: 20_000 });
  const userData = page.getByTestId("user-data");
  await expect(userData).toContainText("JANE");
  await expect(userData).toContainText("SMITH");
  await expect(userData).toContainText("1990-01-01");
  await expect(userData).toContainText("NOR");
  for (const id of ["userId", "deviceId", "proofingId", "dossierId", "processId"]) {
    await expect(page.getByTestId(`id-${id}`)).toHaveText(/[\w-]{8,}/);
  }
  await expect(page.getByTestId("process-status")).toHaveText("accepted");
  await expect(page.getByText("Document not expired")).toBeVisible();
  await expect(page.getByRole("img", { name: "Proofing image: front" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Proofing image: selfie" })).toBeVisible();
  await expect(page.locator('[data-state="done"]')).toHaveCount(5);
  await page.screenshot({ path: "test-results/screens/onboarding-completed.png", fullPage: true });

  await page.getByRole("link", { name: "History" }).first().click();
  await expect(page.getByRole("row", { name: /e2e-accepted/ })).toContainText("Completed");
});

test("a rejected proofing fails the onboarding and the console says why", async ({ page }) => {
  await startOnboarding(page, "e2e-rejected");
  const app = await proveWithVirtualApp(page, "Rejected");
  await app.close();

  await expect(page.getByTestId("flow-status")).toHaveText("Failed", { timeout: 20_000 });
  await expect(page.getByTestId("flow-reason")).toContainText("The identity proofing was rejected.");
  await expect(page.getByTestId("flow-reason")).toContainText("proofing_rejected");
  await expect(page.getByTestId("user-data")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/onboarding-failed.png", fullPage: true });
});
