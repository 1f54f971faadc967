// The API reference page and the exports that replay a flow, as a tester uses them: the
// documents rendered inside the console, the Postman URL, the proofing images as pictures, and a
// downloaded shell script that runs a new onboarding to Completed against this console.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { proveWithVirtualApp, signIn, startOnboarding } from "./helpers";

test.beforeEach(async ({ page }) => signIn(page));

test("the API reference shows the console's API and the emulator's documents", async ({ page, baseURL }) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API" }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "ReuseID Console API" })).toBeVisible();
  const start = page.locator("details").filter({ hasText: "/api/flows/onboarding" });
  await start.locator("summary").click();
  await expect(start).toContainText("Roles: admin, tester.");
  await expect(start).toContainText("environmentId");
  await page.screenshot({ path: "test-results/screens/api-reference-console.png", fullPage: false });

  await page.getByRole("link", { name: "ReuseID", exact: true }).click();
  await expect(page.getByRole("heading", { name: "ReuseID ready-made flows (emulator)" })).toBeVisible();
  await expect(page.getByRole("link", { name: `${baseURL}/emulator/reuseid/api-docs` })).toBeVisible();
  const onboarding = page.locator("details").filter({ hasText: "Start an ID onboarding" });
  await onboarding.locator("summary").click();
  await expect(onboarding).toContainText("The quick start's minimal body");
  await page.screenshot({ path: "test-results/screens/api-reference-reuseid.png", fullPage: false });

  // the URL the quick start pastes into Postman answers without a sign-in
  const served = await fetch(`${baseURL}/emulator/reuseid/api-docs`);
  expect((await served.json()).openapi).toBe("3.1.0");
});

test("a completed onboarding shows raster proofing images, and its exported script replays it", async ({ page, baseURL }) => {
  await startOnboarding(page, "e2e-replay");
  const app = await proveWithVirtualApp(page, "Accepted");
  await app.close();
  await expect(page.getByTestId("flow-status")).toHaveText("Completed");
  const front = page.getByRole("img", { name: "Proofing image: front" });
  await expect(front).toBeVisible();
  await expect.poll(() => front.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(200);
  await front.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/proofing-record-jpeg.png", fullPage: false });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export as shell script" }).click()]);
  const { stdout } = await promisify(execFile)("bash", [await download.path()], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, SIGNICAT_BASE: `${baseURL}/emulator`, CLIENT_SECRET: process.env.EMULATOR_CLIENT_SECRET || "emulator-secret" },
  });
  expect(stdout).toContain("The new flow ended Completed.");
  await expect(page.getByRole("link", { name: "Export as Postman collection" })).toHaveAttribute("href", /format=postman$/);
});
