// A tester's whole onboarding: console → virtual Authenticator App → console, against
// the embedded emulator, once accepted and once rejected.
import { expect, test } from "@playwright/test";
import { proveWithVirtualApp, signIn, startOnboarding } from "./helpers";

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

  // An expanded body wraps inside its row: every line is within the timeline, none cut off at its edge.
  const timeline = page.getByRole("list", { name: "Timeline" });
  const exchange = timeline
    .locator("details")
    .filter({ has: page.locator("summary", { hasText: /GET.*id-onboardings/ }) })
    .last();
  await exchange.locator("summary").click();
  const body = exchange.getByTestId("response-body");
  await expect(body).toContainText('"transactionId": "'); // indented JSON (a row of repeated polls shows its first answer)
  const [box, frame] = [await body.boundingBox(), await timeline.boundingBox()];
  expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
  expect(await body.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await body.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/timeline-body-wrapped.png" });

  await page.getByRole("link", { name: "History" }).first().click();
  const row = page.getByRole("row", { name: /e2e-accepted/ });
  await expect(row).toContainText("Completed");
  await expect(row.getByTestId("flow-person")).toContainText("JANE SMITH");
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
