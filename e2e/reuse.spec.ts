// A tester onboards a user, steps them up and authenticates them, playing the phone in
// the virtual app; and sees each failure path: a rejected authentication, an expired code.
import { expect, test, type Page } from "@playwright/test";
import { emulatorApi, proveWithVirtualApp, signIn, startOnboarding } from "./helpers";

async function onboardedUser(page: Page, ref: string) {
  await startOnboarding(page, ref);
  const app = await proveWithVirtualApp(page, "Accepted");
  await app.getByRole("button", { name: "Back to my device" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Completed", { timeout: 20_000 });
  return app;
}

test.beforeEach(async ({ page }) => signIn(page));

test("a step-up approved on the device runs a new proofing and shows what changed", async ({ page }) => {
  test.slow(); // an onboarding and a step-up through the app
  const app = await onboardedUser(page, "e2e-stepup");
  await page.getByRole("link", { name: "Step up this user" }).click();
  await expect(page.getByRole("heading", { name: "Step up a user" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Active/ })).toBeChecked(); // the only active device, picked by itself
  await page.getByRole("button", { name: "Start step-up" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Pending");
  await expect(page.getByText(/Waiting for the device/)).toBeVisible();

  const request = app.getByRole("region", { name: "Step-up: verify your identity again" });
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("The device approved.")).toBeVisible({ timeout: 20_000 });
  // Before: the page says whom the step-up must prove again.
  await expect(page.getByTestId("stepup-expected-person")).toContainText("This step-up must prove JANE SMITH, born 1990-01-01 again.");
  await page.screenshot({ path: "test-results/screens/stepup-pending.png", fullPage: true });
  await app.getByRole("radio", { name: /JANE SMITH/ }).check();
  await app.getByRole("button", { name: "Capture document" }).click();
  await app.getByRole("button", { name: "Capture selfie" }).click();
  await app.getByRole("radio", { name: /^Accepted/ }).check();
  await app.getByRole("button", { name: "Submit proofing" }).click();
  await expect(app.getByRole("heading", { name: "Proofing accepted" })).toBeVisible();

  await expect(page.getByTestId("flow-status")).toHaveText("Completed", { timeout: 20_000 });
  await expect(page.getByTestId("attribute-changes")).toContainText("JANE");
  await page.screenshot({ path: "test-results/screens/stepup-completed.png", fullPage: true });
});

test("a step-up that proofs another person fails, says so plainly, and leaves the user as they were", async ({ page }) => {
  test.slow(); // an onboarding and a step-up through the app
  const app = await onboardedUser(page, "e2e-stepup-other");
  await page.getByRole("link", { name: "Step up this user" }).click();
  await expect(page.getByText("A document of another person ends the step-up Failed and changes nothing on the user.")).toBeVisible();
  await page.getByRole("button", { name: "Start step-up" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Pending");
  await app.getByRole("region", { name: "Step-up: verify your identity again" }).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("stepup-expected-person")).toContainText("JANE SMITH", { timeout: 20_000 });
  await app.getByRole("radio", { name: /JOÃO PEDRO FERREIRA SANTOS/ }).check();
  await app.getByRole("button", { name: "Capture document" }).click();
  await app.getByRole("button", { name: "Capture selfie" }).click();
  await app.getByRole("radio", { name: /^Accepted/ }).check();
  await app.getByRole("button", { name: "Submit proofing" }).click();

  await expect(page.getByTestId("flow-status")).toHaveText("Failed", { timeout: 20_000 });
  const reason = page.getByTestId("flow-reason");
  await expect(reason).toContainText("The document belongs to another person than this user: the step-up failed and the user's identity was left unchanged.");
  await expect(reason).toContainText("JOÃO PEDRO FERREIRA SANTOS, born 1984-03-22");
  await expect(page.getByTestId("attribute-changes")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/stepup-other-person.png", fullPage: true });
});

test("a request that arrives while the app shows a result is announced at once; the app shows contexts as text and the text after approval", async ({ page }) => {
  test.slow(); // an onboarding, an authentication and a step-up through the app
  await startOnboarding(page, "e2e-announce");
  const app = await proveWithVirtualApp(page, "Accepted"); // stays on the result screen
  await expect(page.getByTestId("flow-status")).toHaveText("Completed", { timeout: 20_000 });
  // The closing block is a message, not something that looks pressable.
  await expect(app.getByRole("status").filter({ hasText: "All done on the phone" })).toBeVisible();
  await expect(app.getByRole("button", { name: /Done/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Authenticate this user" }).click();
  await page.getByLabel("Text before approval (pre-operation context)").fill("Sign in to Example Bank");
  await page.getByLabel("Text after approval (post-operation context)").fill("You are signed in to Example Bank.");
  await page.getByRole("button", { name: "Start authentication" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Pending");

  const banner = app.getByRole("alert").filter({ hasText: "A sign-in request is waiting" });
  await expect(banner).toBeVisible({ timeout: 10_000 });
  await expect(app.getByRole("heading", { name: "Proofing accepted" })).toBeVisible(); // announced over the result, not instead of it
  await app.screenshot({ path: "test-results/screens/virtual-app-request-announced.png", fullPage: true });
  await banner.getByRole("button", { name: "Open" }).click();
  const request = app.getByRole("region", { name: "Sign-in request" });
  await expect(request).toContainText("Sign in to Example Bank");
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(request).toContainText("Message from the service");
  await expect(request).toContainText("You are signed in to Example Bank.");
  await app.screenshot({ path: "test-results/screens/virtual-app-after-approval.png", fullPage: true });
  await expect(page.getByTestId("flow-status")).toHaveText("Completed", { timeout: 20_000 });

  // A step-up's context reads as words, not as JSON.
  await page.getByRole("link", { name: "Step up this user" }).click();
  await page.getByRole("button", { name: "Start step-up" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Pending");
  const stepUp = app.getByRole("region", { name: "Step-up: verify your identity again" });
  await expect(stepUp).toContainText("Step-up: verify your identity again");
  await expect(stepUp).toContainText("VideoID: a document and your face");
  await expect(stepUp).not.toContainText('"operation"');
  await app.screenshot({ path: "test-results/screens/virtual-app-stepup-context.png", fullPage: true });
});

test("an authentication returns the asked attributes when approved, and fails with the reason when rejected", async ({ page }) => {
  const app = await onboardedUser(page, "e2e-auth");
  await page.getByRole("link", { name: "Authenticate this user" }).click();
  await page.getByLabel("Text before approval (pre-operation context)").fill("Sign in to Example Bank");
  await page.getByRole("checkbox", { name: "nationality" }).check();
  await page.getByRole("button", { name: "Start authentication" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Pending");

  const request = app.getByRole("region", { name: "Sign-in request" });
  await expect(request.getByText("Sign in to Example Bank")).toBeVisible({ timeout: 15_000 });
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Completed", { timeout: 20_000 });
  await expect(page.getByTestId("user-attributes")).toContainText("JANE");
  await expect(page.getByTestId("user-attributes")).toContainText("NOR");
  // The person by name, and no empty proofing ids: an authentication has no proofing.
  await expect(page.getByTestId("flow-person")).toHaveText("JANE SMITH");
  await expect(page.getByTestId("id-userId")).toHaveText(/[\w-]{8,}/);
  for (const id of ["proofingId", "dossierId", "processId"]) await expect(page.getByTestId(`id-${id}`)).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/authentication-completed.png", fullPage: true });
  await request.getByRole("button", { name: "Dismiss" }).click();

  await page.goBack();
  await expect(page.getByRole("heading", { name: "Authenticate a user" })).toBeVisible();
  await page.getByRole("button", { name: "Start authentication" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Pending");
  await app.getByRole("region", { name: "Sign-in request" }).getByRole("button", { name: "Reject" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Failed", { timeout: 20_000 });
  await expect(page.getByTestId("flow-reason")).toContainText("The device rejected the authentication.");
});

test("an activation code that expires ends the onboarding as Expired, with the reason", async ({ page, request }) => {
  await startOnboarding(page, "e2e-expired");
  const emulator = await emulatorApi(request);
  await emulator.put("/simulator/faults", { expireNow: true });
  await emulator.delete("/simulator/faults");
  await expect(page.getByTestId("flow-status")).toHaveText("Expired", { timeout: 20_000 });
  await expect(page.getByTestId("flow-reason")).toContainText("The activation code expired before a device was activated.");
  await expect(page.getByTestId("flow-reason")).toContainText("expired early by the emulator (expire now)");
  await expect(page.getByRole("img", { name: "Activation code QR" })).toHaveCount(0);

  // "Try again" starts a new onboarding with the same inputs (the same externalRef) and opens it.
  const expiredUrl = page.url();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page).not.toHaveURL(expiredUrl);
  await expect(page.getByTestId("flow-status")).toHaveText("Pending");
  await expect(page.getByText("externalRef e2e-expired")).toBeVisible();
  await expect(page.getByRole("img", { name: "Activation code QR" })).toBeVisible();
});
