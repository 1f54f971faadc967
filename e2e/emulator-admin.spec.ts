// The emulator admin page as a tester uses it: API clients with a secret shown once, faults that
// make the next call fail (an upstream 500, a token failure), expire-now, and the event delivery log.
import { expect, test, type Page } from "@playwright/test";
import { signIn, startOnboarding } from "./helpers";

const LOCAL_FAULTS = "/api/emulator-admin/accounts/emulator-default/faults";

test.beforeEach(async ({ page }) => signIn(page));
// Faults outlive the test that set them; other suites must find the emulator well.
test.afterEach(async ({ page }) => {
  const cleared = await page.request.delete(LOCAL_FAULTS);
  expect(cleared.status()).toBe(200);
});

async function setFaults(page: Page, errorRate: string, paths: string) {
  await page.goto("/emulator-admin?tab=faults");
  await expect(page.getByRole("link", { name: /^Faults/ })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Error rate (%)").fill(errorRate);
  await page.getByLabel("Paths (one per line)").fill(paths);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Faults applied." })).toBeVisible();
}

async function clearFaults(page: Page) {
  await page.goto("/emulator-admin?tab=faults");
  await page.getByRole("button", { name: "Clear faults" }).click();
  await expect(page.getByTestId("fault-description")).toHaveText("No faults: every call is answered normally.");
}

async function tokenStatus(page: Page, clientId: string, clientSecret: string) {
  const response = await page.request.post("/emulator/auth/open/connect/token", {
    form: { grant_type: "client_credentials", scope: "signicat-api", client_id: clientId, client_secret: clientSecret },
  });
  return response.status();
}

test("an admin creates an API client, sees its secret once, and revokes it", async ({ page }) => {
  await page.goto("/emulator-admin");
  await expect(page.getByRole("heading", { level: 1, name: "Emulator" })).toBeVisible();
  // The e2e server runs with the documented default secret: the page says where it works.
  await expect(page.getByText(/accepts it only from this machine \(loopback\)/)).toBeVisible();
  const local = page.getByRole("table", { name: "Clients of Local emulator" });
  await expect(local.getByRole("row", { name: /emulator-client/ })).toContainText("cannot be revoked here");
  await expect(local.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Create client" }).click();
  await page.getByLabel("Token lifetime (seconds)").fill("0");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Give the client a name.")).toBeVisible();
  await expect(page.getByText("At least 1 second.")).toBeVisible();

  await page.getByLabel("Client name").fill("E2E integration");
  await page.getByLabel("Account").selectOption({ label: "New account…" });
  await page.getByLabel("New account name").fill("Partner bank");
  await page.getByLabel("Token lifetime (seconds)").fill("120");
  await page.getByRole("button", { name: "Create client" }).click();

  const callout = page.getByRole("status", { name: /Client “E2E integration” created in Partner bank/ });
  await expect(callout).toContainText("it cannot be shown again");
  const secret = (await callout.getByTestId("shown-secret").textContent())!;
  expect(secret).toMatch(/^[\w-]{20,}$/);
  await expect(callout.getByRole("button", { name: /Copy client secret/ })).toBeVisible();
  const table = page.getByRole("table", { name: "Clients of Partner bank" });
  const row = table.getByRole("row", { name: /E2E integration/ });
  await expect(row).toContainText("2 min");
  const clientId = (await row.getByRole("cell").nth(1).textContent())!;
  expect(await tokenStatus(page, clientId, secret)).toBe(200);
  await page.screenshot({ path: "test-results/screens/emulator-admin-clients.png", fullPage: true });

  await callout.getByRole("button", { name: /I have stored it/ }).click();
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("table", { name: "Clients of Partner bank" })).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  await page.getByRole("button", { name: "Revoke E2E integration" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke E2E integration?" });
  await expect(dialog).toContainText(clientId);
  await dialog.getByRole("button", { name: "Revoke client" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Clients of Partner bank" }).getByRole("row", { name: /E2E integration/ })).toContainText("Revoked");
  expect(await tokenStatus(page, clientId, secret)).toBe(401);
});

test("an upstream 500 made with a fault shows plainly on the onboarding page, and clearing it brings the emulator back", async ({ page }) => {
  await setFaults(page, "100", "/reuseid/*");
  await expect(page.getByTestId("fault-description")).toHaveText("Every call to /reuseid/* fails 100% of the time with HTTP 500.");
  await expect(page.getByRole("region", { name: "Current faults" })).toContainText("Faults active");
  await page.screenshot({ path: "test-results/screens/emulator-admin-faults.png", fullPage: true });

  await page.goto("/onboarding");
  await expect(page.getByRole("checkbox").first()).toBeVisible(); // document types (the Assure API) are not faulted
  await page.getByRole("button", { name: "Start onboarding" }).click();
  const failure = page.getByRole("alert").filter({ hasText: "The onboarding could not be started" });
  await expect(failure).toContainText("HTTP 500 internal_error");
  await expect(failure).toContainText("Injected fault");
  await page.screenshot({ path: "test-results/screens/emulator-admin-upstream-500.png", fullPage: true });
  await failure.getByRole("link", { name: "Open the recorded attempt" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  await expect(page.getByText(/internal_error/).first()).toBeVisible();

  await clearFaults(page);
  await startOnboarding(page, "e2e-after-faults");
});

test("a token failure made with a fault shows in Test connection, which always asks for a fresh token", async ({ page }) => {
  await setFaults(page, "100", "/auth/*");
  await expect(page.getByTestId("fault-description")).toContainText("Every call to /auth/* fails 100% of the time with HTTP 500.");
  await expect(page.getByTestId("fault-description")).toContainText("Test connection on Environments always asks for a fresh one");

  await page.goto("/environments");
  const local = page.locator("section", { hasText: "Local emulator" });
  await local.getByRole("button", { name: "Test connection" }).click();
  await expect(local.getByTestId("connection-result")).toContainText("The connection test failed");
  await expect(local.getByTestId("connection-result")).toContainText("HTTP 500 server_error");
  await page.screenshot({ path: "test-results/screens/emulator-admin-token-failure.png", fullPage: true });

  await clearFaults(page);
  await page.goto("/environments");
  await local.getByRole("button", { name: "Test connection" }).click();
  await expect(local.getByTestId("connection-result")).toContainText("Connected");
});

test("expire-now ends a pending onboarding as Expired, and the delivery log shows the event's attempts", async ({ page }) => {
  await page.goto("/emulator-admin?tab=events");
  // The console subscribes itself to the Local emulator's events (its own receiver, /api/events/…): no other subscription yet.
  const hook = `${new URL(page.url()).origin}/api/health`;
  const ownReceiver = page.getByRole("button", { name: /^Delete subscription to .*\/api\/events\// });
  await expect(page.getByText("No subscriptions in this account").or(ownReceiver)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Delete subscription to (?!.*\/api\/events\/)/ })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Event deliveries" }).getByRole("row").filter({ hasText: hook })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/emulator-admin-events-empty.png", fullPage: true });
  await page.getByRole("button", { name: "Add subscription" }).click();
  await page.getByLabel("Webhook URL").fill("not a url");
  await page.getByRole("button", { name: "Add subscription" }).click();
  await expect(page.getByText("Give an http or https URL")).toBeVisible();
  await expect(page.getByText("Pick at least one event.")).toBeVisible();
  // The console's health probe answers a POST with 405: every attempt fails, so the log shows retries with back-off.
  await page.getByLabel("Webhook URL").fill(hook);
  await page.getByRole("checkbox", { name: "reuseid.onboarding.expired" }).check();
  await page.getByRole("button", { name: "Add subscription" }).click();
  await expect(page.getByRole("status", { name: `Subscription to ${hook} created` }).getByTestId("shown-secret")).toHaveText(/^[0-9a-f]{48}$/);

  await startOnboarding(page, "e2e-expire-now");
  const flowUrl = page.url();
  await page.goto("/emulator-admin?tab=faults");
  await page.getByRole("button", { name: "Expire everything pending now" }).click();
  await page
    .getByRole("dialog", { name: /Expire everything pending in Local emulator/ })
    .getByRole("button", { name: "Expire now" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Everything pending in Local emulator expired" })).toBeVisible();

  await page.goto(flowUrl);
  await expect(page.getByTestId("flow-status")).toHaveText("Expired", { timeout: 20_000 });
  // Expired on purpose from this page: the reason says so and does not blame the 10 minutes.
  await expect(page.getByTestId("flow-reason")).toContainText("expired early by the emulator");
  await expect(page.getByTestId("flow-reason")).not.toContainText("not used within");

  await page.goto("/emulator-admin?tab=events");
  const log = page.getByRole("table", { name: "Event deliveries" });
  const delivery = log
    .getByRole("row", { name: /reuseid.onboarding.expired/ })
    .filter({ hasText: hook })
    .first(); // other suites' pending onboardings expire too; the console's own receiver gets them as well
  await expect(delivery).toContainText("#2", { timeout: 20_000 }); // the log refreshes itself while a delivery is pending
  await expect(delivery).toContainText("HTTP 405");
  await expect(delivery).toContainText(/Pending|Failed/);
  await delivery.getByRole("button", { name: "Show body" }).click();
  await expect(log).toContainText('"eventName": "reuseid.onboarding.expired"');
  await page.screenshot({ path: "test-results/screens/emulator-admin-events.png", fullPage: true });

  await page.getByRole("button", { name: `Delete subscription to ${hook}` }).click();
  await page.getByRole("dialog", { name: "Delete this subscription?" }).getByRole("button", { name: "Delete subscription" }).click();
  await expect(page.getByRole("button", { name: `Delete subscription to ${hook}` })).toHaveCount(0);
});
