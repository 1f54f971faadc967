// Support staff find an end-user by any identifier and lock and unlock their device;
// later the audit shows who did it and why. A tester is neither offered nor allowed it.
import { expect, test, type Browser } from "@playwright/test";
import { emulatorApi, signIn } from "./helpers";

const SUPPORT = { email: "support@example.test", password: "support-password-1" };
const TESTER = { email: "tester@example.test", password: "tester-password-1" };

async function as(browser: Browser, who: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

test.beforeAll(async ({ browser }) => {
  // The admin adds a support and a tester colleague.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  for (const [who, role] of [
    [SUPPORT, "support"],
    [TESTER, "tester"],
  ] as const) {
    const created = await page.request.post("/api/staff", {
      data: { name: `${role[0].toUpperCase()}${role.slice(1)} Person`, email: who.email, password: who.password, role, reason: "e2e colleague" },
    });
    expect(created.status()).toBe(201);
  }
  await context.close();
});

test("support finds a user by externalRef and name, locks and unlocks the device, and the audit shows who and why", async ({ browser, request }) => {
  // An end-user onboarded by someone else's integration, straight through the API.
  const emulator = await emulatorApi(request);
  const { data } = await emulator.post("/reuseid/id-onboardings", { externalRef: "cust-4711" });
  const { userId, deviceId } = await emulator.post("/simulator/activations", { activationCode: data.activationCode, deviceName: "Kari's iPhone" });
  await emulator.post(`/simulator/proofings/${data.processId}`, { outcome: "accepted", persona: "aino-virtanen" });

  const support = await as(browser, SUPPORT);
  await support.getByRole("link", { name: "Users" }).click();
  await support.getByRole("searchbox", { name: "Search users" }).fill("cust-4711");
  await support.getByRole("button", { name: "Search" }).click();
  await support.getByRole("link", { name: "AINO VIRTANEN" }).first().click();
  await expect(support.getByRole("heading", { name: /AINO VIRTANEN/ })).toBeVisible();
  const device = support.getByRole("listitem", { name: "Device Kari's iPhone" });
  await expect(device).toContainText("Active");

  await device.getByRole("button", { name: "Lock" }).click();
  const dialog = support.getByRole("dialog", { name: "Lock device" });
  await expect(dialog).toContainText(`device “Kari's iPhone” (${deviceId}) of AINO VIRTANEN`);
  await dialog.getByRole("button", { name: "Lock device" }).click();
  await expect(dialog.getByText("Say why, in at least 3 characters.")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Customer called: phone stolen");
  await dialog.getByRole("button", { name: "Lock device" }).click();
  await expect(device).toContainText("Locked");
  await expect(support.getByRole("status").filter({ hasText: "Locked device Kari's iPhone of AINO VIRTANEN" })).toBeVisible();
  await expect(device).toContainText("lock reason: Customer called: phone stolen");
  await support.screenshot({ path: "test-results/screens/user-device-locked.png", fullPage: true });

  await device.getByRole("button", { name: "Unlock" }).click();
  await support.getByRole("dialog", { name: "Unlock device" }).getByLabel("Reason").fill("Phone found");
  await support.getByRole("dialog", { name: "Unlock device" }).getByRole("button", { name: "Unlock device" }).click();
  await expect(device).toContainText("Active");

  // The same user is found by name now that the console has met them.
  await support.goto("/users?q=aino");
  await expect(support.getByRole("link", { name: "AINO VIRTANEN" })).toBeVisible();

  await support.goto("/audit?action=device.action");
  const rows = support.getByRole("row", { name: /device\.action/ });
  await expect(rows.filter({ hasText: "Customer called: phone stolen" })).toContainText("support@example.test");
  await expect(rows.filter({ hasText: "Phone found" })).toContainText("support@example.test");

  // A tester sees the user but is offered no action, and the API refuses one.
  const tester = await as(browser, TESTER);
  await tester.goto(`/users/${userId}`);
  await expect(tester.getByRole("listitem", { name: "Device Kari's iPhone" })).toBeVisible();
  await expect(tester.getByRole("button", { name: "Lock" })).toHaveCount(0);
  await expect(tester.getByRole("button", { name: "Delete user" })).toHaveCount(0);
  const environmentId = new URL((await tester.getByRole("link", { name: "Step up" }).getAttribute("href")) ?? "", "http://x").searchParams.get("environmentId");
  const refused = await tester.request.post(`/api/users/${userId}/devices/${deviceId}/actions?environmentId=${environmentId}`, { data: { action: "lock", reason: "trying" } });
  expect(refused.status()).toBe(403);
});

test("support renames, deactivates and deletes a device, then deletes the user, each confirmed by name", async ({ browser, request }) => {
  const emulator = await emulatorApi(request);
  const { data } = await emulator.post("/reuseid/id-onboardings", { externalRef: "cust-4712" });
  const { userId } = await emulator.post("/simulator/activations", { activationCode: data.activationCode, deviceName: "Old phone" });
  await emulator.post(`/simulator/proofings/${data.processId}`, { outcome: "accepted", persona: "oliver-bennett" });

  const support = await as(browser, SUPPORT);
  await support.goto(`/users?q=cust-4712`);
  await support.getByRole("link", { name: "OLIVER BENNETT" }).first().click();
  let device = support.getByRole("listitem", { name: "Device Old phone" });

  await device.getByRole("button", { name: "Rename" }).click();
  let dialog = support.getByRole("dialog", { name: "Rename device" });
  await dialog.getByLabel("New device name").fill("Oliver's Pixel");
  await dialog.getByLabel("Reason").fill("Customer asked for a clearer name");
  await dialog.getByRole("button", { name: "Rename device" }).click();
  device = support.getByRole("listitem", { name: "Device Oliver's Pixel" });
  await expect(device).toBeVisible();

  await device.getByRole("button", { name: "Deactivate" }).click();
  dialog = support.getByRole("dialog", { name: "Deactivate device" });
  await expect(dialog).toContainText("This cannot be undone.");
  await expect(dialog).toContainText("Oliver's Pixel");
  await dialog.getByLabel("Reason").fill("Phone replaced");
  await dialog.getByRole("button", { name: "Yes, deactivate device" }).click();
  await expect(device).toContainText("Deactivated");
  await expect(device.getByRole("button", { name: "Lock" })).toHaveCount(0);

  await device.getByRole("button", { name: "Delete" }).click();
  dialog = support.getByRole("dialog", { name: "Delete device" });
  await dialog.getByLabel("Reason").fill("Cleaning up the old phone");
  await dialog.getByRole("button", { name: "Yes, delete device" }).click();
  await expect(support.getByText("No device.")).toBeVisible();

  await support.getByRole("button", { name: "Delete user" }).click();
  dialog = support.getByRole("dialog", { name: "Delete user" });
  await expect(dialog).toContainText(`OLIVER BENNETT (${userId})`);
  await dialog.getByLabel("Reason").fill("Erasure requested by the customer");
  await dialog.getByRole("button", { name: "Yes, delete user" }).click();
  // A deletion that worked ends on Users, saying whom it deleted — not on a failed reload of the user.
  await expect(support).toHaveURL(/\/users$/);
  await expect(support.getByTestId("user-deleted")).toContainText(`Deleted the user OLIVER BENNETT (${userId})`);
  await expect(support.getByText("This user could not be loaded")).toHaveCount(0);
  await support.screenshot({ path: "test-results/screens/user-deleted.png", fullPage: true });
  await support.goto(`/users?q=OLIVER`);
  await expect(support.getByRole("link", { name: "OLIVER BENNETT" })).toHaveCount(0);
});

test("support sees a rejected proofing attempt beside the bound proofings, and an empty state without a tester's button", async ({ browser, request }) => {
  const admin = await as(browser, { email: "admin@example.test", password: "admin-password-e2e" });
  const environments = (await (await admin.request.get("/api/environments")).json()).data as { id: string; kind: string; name: string }[];
  const started = await admin.request.post("/api/flows/onboarding", { data: { environmentId: environments.find((e) => e.name === "Local emulator")!.id, externalRef: "cust-rejected-1" } });
  const flowId = (await started.json()).data.id as string;
  const flow = (await (await admin.request.get(`/api/flows/${flowId}`)).json()).data;
  const emulator = await emulatorApi(request);
  await emulator.post("/simulator/activations", { activationCode: flow.activationCode });
  await emulator.post(`/simulator/proofings/${flow.processId}`, { outcome: "rejected", persona: "jane-smith" });
  await expect.poll(async () => (await (await admin.request.get(`/api/flows/${flowId}`)).json()).data.status, { timeout: 20_000 }).toBe("Failed");

  const support = await as(browser, SUPPORT);
  await support.goto(`/users/${flow.userId}`);
  await expect(support.getByText("No proofing is bound to this user — see the attempts that did not bind below.")).toBeVisible();
  const attempts = support.getByRole("list", { name: "Failed proofing attempts" });
  await expect(attempts.getByRole("link")).toHaveCount(1);
  await expect(attempts).toContainText("Onboarding");
  await expect(attempts).toContainText("Failed");
  await expect(attempts).toContainText(/rejected/i);
  await support.screenshot({ path: "test-results/screens/user-failed-attempt.png", fullPage: true });
  await attempts.getByRole("link").click();
  await expect(support).toHaveURL(new RegExp(`/flows/${flowId}$`));
  // Support may not run flows: no Try again for them.
  await expect(support.getByRole("button", { name: "Try again" })).toHaveCount(0);

  await support.goto("/users?q=nobody-matches-this");
  await expect(support.getByText("No known user matches")).toBeVisible();
  await expect(support.getByRole("link", { name: "Onboard a user" })).toHaveCount(0);
  await expect(support.getByText("when you look one up by userId or externalRef")).toBeVisible();
});
