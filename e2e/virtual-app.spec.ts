// The virtual Authenticator App against the embedded emulator's APIs, as a phone would use it:
// onboarding, sign-in requests approved (signed with the device key) and rejected, a step-up
// straight into its identity check, rename, remove, a second device profile and a locked device.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const SCREENS = "test-results/screens";

async function emulatorToken(request: APIRequestContext): Promise<string> {
  const response = await request.post("/emulator/auth/open/connect/token", {
    form: { grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: "emulator-secret" },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).access_token as string;
}

function api(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  return {
    post: async (path: string, data: unknown) => {
      const response = await request.post(`/emulator${path}`, { headers, data });
      expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
      return response.json();
    },
    get: (path: string) => request.get(`/emulator${path}`, { headers }),
    patch: async (path: string, data: unknown) => {
      const response = await request.patch(`/emulator${path}`, { headers, data });
      expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
      return response.json();
    },
  };
}
type Api = ReturnType<typeof api>;

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** Starts an onboarding through the API and completes it in the app page; returns the new user and device. */
async function onboard(page: Page, emulator: Api, opts: { firstDevice: boolean }) {
  const { data } = await emulator.post("/reuseid/id-onboardings", { input: {} });
  const code = data.activationCode as string;
  if (opts.firstDevice) {
    await page.goto(`/authenticator?code=${code}`);
    await expect(page.getByRole("heading", { name: "Connect the app" })).toBeVisible();
    await page.getByRole("button", { name: "Use this console's emulator" }).click();
  } else {
    await page.getByRole("button", { name: /^(Devices|Switch device)/ }).click();
    await page.getByRole("button", { name: "Add another device" }).click();
    await expect(page.getByRole("heading", { name: "Add another device" })).toBeVisible();
    await page.getByRole("textbox", { name: "Activation code" }).fill(code);
  }
  await expect(page.getByRole("textbox", { name: "Activation code" })).toHaveValue(code);
  await page.getByRole("textbox", { name: "Device name" }).fill(opts.firstDevice ? "E2E first phone" : "E2E second phone");
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await completeProofing(page);

  let onboarding: { status: string; userId: string; deviceId: string } = { status: "", userId: "", deviceId: "" };
  await expect
    .poll(async () => {
      onboarding = (await (await emulator.get(`/reuseid/id-onboardings/${data.transactionId}`)).json()).data;
      return onboarding.status;
    })
    .toBe("Completed");
  return { userId: onboarding.userId, deviceId: onboarding.deviceId };
}

async function completeProofing(page: Page) {
  await page.getByRole("radio", { name: /JANE SMITH/ }).check();
  await page.getByRole("button", { name: "Capture document" }).click();
  await page.getByRole("button", { name: "Capture selfie" }).click();
  await page.getByRole("radio", { name: /^Accepted/ }).check();
  await page.getByRole("button", { name: "Submit proofing" }).click();
  await expect(page.getByRole("heading", { name: "Proofing accepted" })).toBeVisible();
  await page.getByRole("button", { name: "Back to my device" }).click();
  await expect(page.getByRole("heading", { name: "My device" })).toBeVisible();
}

function request(page: Page, title: string) {
  return page.getByRole("region", { name: title });
}

test.describe("virtual Authenticator App", () => {
  test.use({ viewport: PHONE });

  test("answers sign-in requests with its device key, runs a step-up, renames and removes itself", async ({ page, request: http }) => {
    const emulator = api(http, await emulatorToken(http));
    const { userId, deviceId } = await onboard(page, emulator, { firstDevice: true });
    const devicePath = `/mobileid/core/users/${userId}/devices/${deviceId}`;

    await expect(page.getByText(deviceId)).toBeVisible();
    await expect(page.getByTestId("device-state")).toHaveText("State: ACTIVE");
    await page.screenshot({ path: `${SCREENS}/vapp-home-phone.png`, fullPage: true });

    // A plain sign-in, approved: the emulator checks the signature over the challenge.
    const first = await emulator.post(`${devicePath}/authentications`, {
      preOperationContext: { content: base64("Sign in to Acme Bank as Jane"), mimeType: "text/plain" },
    });
    const signIn = request(page, "Sign-in request");
    await expect(signIn.getByText("Sign in to Acme Bank as Jane")).toBeVisible();
    await expect(signIn.getByLabel(/^Expires in \d+:\d\d$/)).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/vapp-signin-request-phone.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${SCREENS}/vapp-signin-request-desktop.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await signIn.getByRole("button", { name: "Approve" }).click();
    await expect(signIn.getByText("Approved")).toBeVisible();
    expect((await (await emulator.get(`${devicePath}/authentications/${first.authenticationId}`)).json()).state).toBe("COMPLETED");
    await signIn.getByRole("button", { name: "Dismiss" }).click();

    // A second one, rejected; its context is JSON, shown as labelled text rather than as JSON.
    const second = await emulator.post(`${devicePath}/authentications`, {
      preOperationContext: { content: base64(JSON.stringify({ action: "pay", amount: "120.00 EUR", to: "Acme" })), mimeType: "application/json" },
    });
    const payment = request(page, "Sign-in request");
    await expect(payment.getByRole("definition").filter({ hasText: "120.00 EUR" })).toBeVisible();
    await expect(payment.getByRole("term").filter({ hasText: "Amount" })).toBeVisible();
    await expect(payment).not.toContainText('"amount"');
    await payment.getByRole("button", { name: "Reject" }).click();
    await expect(payment.getByText("Rejected")).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/vapp-rejected-phone.png`, fullPage: true });
    expect((await (await emulator.get(`${devicePath}/authentications/${second.authenticationId}`)).json()).state).toBe("FAILED");
    await payment.getByRole("button", { name: "Dismiss" }).click();

    // A step-up: approving goes straight into the identity check.
    const { data: stepUp } = await emulator.post("/reuseid/id-stepups", { input: { userId, deviceId } });
    const stepUpRequest = request(page, "Step-up: verify your identity again");
    await expect(stepUpRequest).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/vapp-stepup-request-phone.png`, fullPage: true });
    await stepUpRequest.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("heading", { name: "Verify your identity" })).toBeVisible();
    await expect(page.getByText(/Simulated VideoID for the step-up/)).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/vapp-stepup-proofing-phone.png` });
    await completeProofing(page);
    await expect.poll(async () => (await (await emulator.get(`/reuseid/id-stepups/${stepUp.transactionId}`)).json()).data.status).toBe("Completed");

    // Rename, checked through the MobileID API.
    await page.getByRole("button", { name: "Rename device" }).click();
    const nameField = page.getByRole("textbox", { name: "Device name" });
    await nameField.fill("x".repeat(61));
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("The device name is at most 60 characters.")).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/vapp-rename-phone.png`, fullPage: true });
    await nameField.fill("Jane's test phone");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Renamed to “Jane's test phone”.")).toBeVisible();
    await expect(page.getByTestId("device-name")).toHaveText("Jane's test phone");
    expect((await (await emulator.get(devicePath)).json()).deviceName).toBe("Jane's test phone");

    // Remove: confirmed by name, then the device is gone on the server and here.
    await page.getByRole("button", { name: "Remove this device" }).click();
    const confirm = page.getByRole("group", { name: "Remove “Jane's test phone”?" });
    await expect(confirm).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/vapp-remove-confirm-phone.png`, fullPage: true });
    await confirm.getByRole("button", { name: "Remove device" }).click();
    await expect(page.getByText(/“Jane's test phone” was removed/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Activate this device" })).toBeVisible();
    expect((await emulator.get(devicePath)).status()).toBe(404);
    await page.screenshot({ path: `${SCREENS}/vapp-after-remove-phone.png`, fullPage: true });
  });

  test("holds two device profiles, each with its own key, and says when one is locked", async ({ page, request: http }) => {
    const emulator = api(http, await emulatorToken(http));
    const first = await onboard(page, emulator, { firstDevice: true });
    const second = await onboard(page, emulator, { firstDevice: false });
    await expect(page.getByText(second.deviceId)).toBeVisible();

    await page.getByRole("button", { name: "Switch device (2)" }).click();
    const list = page.getByRole("list", { name: "Devices on this browser" });
    await expect(list.getByRole("button")).toHaveCount(2);
    await expect(list.getByRole("button", { name: /E2E second phone/ })).toHaveAttribute("aria-current", "true");
    await page.screenshot({ path: `${SCREENS}/vapp-devices-phone.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${SCREENS}/vapp-devices-desktop.png`, fullPage: true });
    await page.setViewportSize(PHONE);

    // The first device answers with its own key, though the second was activated after it.
    await list.getByRole("button", { name: /E2E first phone/ }).click();
    await expect(page.getByText(first.deviceId)).toBeVisible();
    const firstPath = `/mobileid/core/users/${first.userId}/devices/${first.deviceId}`;
    const auth = await emulator.post(`${firstPath}/authentications`, { preOperationContext: { content: base64("Hello from the first device's bank"), mimeType: "text/plain" } });
    const signIn = request(page, "Sign-in request");
    await expect(signIn.getByText("Hello from the first device's bank")).toBeVisible();
    await signIn.getByRole("button", { name: "Approve" }).click();
    await expect(signIn.getByText("Approved")).toBeVisible();
    expect((await (await emulator.get(`${firstPath}/authentications/${auth.authenticationId}`)).json()).state).toBe("COMPLETED");

    // Locked in the console: the app says so and offers nothing it cannot do.
    await emulator.patch(firstPath, { state: "LOCKED" });
    await expect(page.getByTestId("device-state")).toHaveText("State: LOCKED");
    await expect(page.getByTestId("device-state-meaning")).toContainText("unlocks it in the console");
    await expect(page.getByRole("button", { name: "Rename device" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Remove this device" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await page.screenshot({ path: `${SCREENS}/vapp-locked-phone.png`, fullPage: true });

    // The reload keeps both profiles.
    await page.reload();
    await page.getByRole("button", { name: "Switch device (2)" }).click();
    await expect(page.getByRole("list", { name: "Devices on this browser" }).getByRole("button", { name: /E2E first phone.*LOCKED/ })).toBeVisible();
  });

  test("offers the QR scanner on the activate screen", async ({ page }) => {
    await page.goto("/authenticator");
    await expect(page.getByRole("heading", { name: "Connect the app" })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/vapp-configure-phone.png`, fullPage: true });
    await page.getByRole("button", { name: "Use this console's emulator" }).click();
    await expect(page.getByRole("heading", { name: "Activate this device" })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/vapp-activate-phone.png`, fullPage: true });
    await page.getByRole("button", { name: "Scan QR code" }).click();
    await expect(page.getByRole("region", { name: "Scan the console's QR code" })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/vapp-scan-phone.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${SCREENS}/vapp-scan-desktop.png`, fullPage: true });
  });
});

test("the capture preview is the document picked: JANE SMITH on a British passport shows a UK passport", async ({ page, request: http }) => {
  await page.setViewportSize(PHONE);
  const emulator = api(http, await emulatorToken(http));
  const { data } = await emulator.post("/reuseid/id-onboardings", { input: {} });
  await page.goto(`/authenticator?code=${data.activationCode}`);
  const connect = page.getByRole("button", { name: "Use this console's emulator" });
  const activate = page.getByRole("button", { name: "Activate", exact: true });
  // A fresh browser asks to connect first, once the page has hydrated: wait for either screen.
  await expect(connect.or(activate)).toBeVisible();
  if (await connect.isVisible()) await connect.click();
  await activate.click();
  await page
    .getByRole("radiogroup", { name: "Document" })
    .getByRole("radio", { name: /British passport/ })
    .check();
  await page.getByRole("radio", { name: /JANE SMITH/ }).check();
  const preview = page.getByRole("img", { name: "Front of JANE SMITH's British passport (GBR)" });
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute("src", /docType=244/);
  const svg = await (await http.get((await preview.getAttribute("src"))!)).text();
  expect(svg).toContain("P&lt;GBRSMITH&lt;&lt;JANE");
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/virtual-app-british-passport.png", fullPage: true });
});
