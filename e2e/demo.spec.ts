// The presenter view as a sales engineer runs it at 1280×720: reset to baseline, a brand, then
// Autopilot plays the phone (the real virtual app in the frame) from onboarding through step-up to
// the reuse authentication, and at each step the audience sees what the story says. Masking hides
// the persona's name from every page's text until it is switched off.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

test.use({ viewport: { width: 1280, height: 720 } });

const SHOTS = "test-results/demo-steps";
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" onload="alert(1)"><script>alert(2)</script><circle cx="20" cy="20" r="18" fill="#c8102e"/><path d="M12 20h16M20 12v16" stroke="#fff" stroke-width="5"/></svg>`;

/** The step the presenter is on: its sentence, then what the audience sees there, a screenshot, and Next. */
async function atStep(page: Page, text: string, shot: string, check: () => Promise<void>, next = true) {
  await expect(page.getByTestId("demo-sentence")).toHaveText(text, { timeout: 30_000 });
  await check();
  await page.screenshot({ path: `${SHOTS}/${shot}.png` });
  if (next) await page.getByRole("button", { name: "Next" }).click();
}

test("Autopilot runs the story from a reset to the completed reuse authentication, in the customer's brand", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page);
  await page.goto("/demo");
  page.on("dialog", (dialog) => void dialog.accept());

  // Reset to baseline: the Demo environment's history is seeded for Overview.
  await page.getByRole("button", { name: "Reset to baseline" }).click();
  await expect(page.getByRole("status").filter({ hasText: "back to its baseline" })).toBeVisible({ timeout: 90_000 });

  // A brand with a logo; the server drops the logo's script and handler.
  await page.getByRole("button", { name: "New brand…" }).click();
  const form = page.getByRole("form", { name: "New brand" });
  await form.getByLabel("Customer name").fill("Acme Bank");
  await form.getByLabel("Colour").fill("#c8102e");
  await form.getByLabel(/^Logo/).setInputFiles({ name: "acme.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO) });
  await form.getByRole("button", { name: "Save brand" }).click();
  await expect(page.getByTestId("demo-brand-name")).toHaveText("Acme Bank");
  await expect(page).toHaveURL(/\/demo\?brand=/);
  const logo = await page.getByRole("img", { name: "Acme Bank logo" }).getAttribute("src");
  expect(Buffer.from(logo!.split(",")[1], "base64").toString()).not.toMatch(/script|onload|alert/);

  await expect(page.getByTestId("demo-sentence")).toHaveText("A new customer opens an account with Acme Bank, from their phone.");
  await page.screenshot({ path: `${SHOTS}/01-welcome.png` });

  // Autopilot plays the phone; the presenter (this test) says Next once the audience has seen each step.
  await page.getByLabel("Pace").selectOption("fast");
  await page.getByRole("switch", { name: "Autopilot" }).check();
  await page.getByLabel("Next by itself").uncheck();
  await page.getByRole("button", { name: "Next" }).click();
  const phone = page.frameLocator('iframe[title^="The customer\'s phone"]');
  const view = page.getByTestId("customer-view");

  await atStep(page, "The bank creates a MobileID user and shows an activation code.", "02-activation-code", async () => {
    await expect(page.getByTestId("demo-activation-code")).toHaveText(/^\d{3} \d{3} \d{4}$/);
    await expect(page.getByRole("img", { name: "Activation QR code" })).toBeVisible();
    await expect(phone.getByTestId("app-brand-header")).toContainText("Acme Bank");
  });

  await atStep(page, "The customer scans the code: their phone becomes a trusted device.", "03-device", async () => {
    await expect(view.getByText("✓Device activated")).toBeVisible({ timeout: 30_000 });
    await expect(phone.getByRole("heading", { name: "Verify your identity" })).toBeVisible();
  });

  await atStep(page, "The phone films the identity document and a selfie, and VideoID checks them.", "04-proofing", async () => {
    await expect(phone.getByRole("heading", { name: "Proofing accepted" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("demo-flow-status")).toHaveText("Completed", { timeout: 30_000 });
  });

  await atStep(page, "The checked identity is written onto the user: Acme Bank knows who its customer is.", "05-identity", async () => {
    await expect(page.getByTestId("demo-flow-status")).toHaveText("Completed");
    const identity = view.getByRole("region", { name: "Identity written onto the user" });
    await expect(identity).toContainText("JANE");
    await expect(identity).toContainText("SMITH");
    await expect(identity).toContainText("1990-01-01");
    await expect(view.getByRole("list", { name: "Security checks" })).toContainText("Not under age");
    await expect(view.getByRole("img", { name: "The selfie the phone captured" })).toBeVisible();
  });

  await atStep(page, "Later, for a larger loan, the bank asks the customer to prove it is still them.", "06-stepup", async () => {
    await expect(page.getByTestId("demo-flow-status")).toHaveText("Pending", { timeout: 30_000 });
    await expect(page.getByTestId("demo-flow-status")).toHaveText("Completed", { timeout: 60_000 });
  });

  await atStep(page, "One tap to confirm, a fresh look at the document: the identity is up to date.", "07-stepup-done", async () => {
    await expect(page.getByTestId("demo-flow-status")).toHaveText("Completed");
    await expect(view.getByRole("region", { name: "Identity after the step-up" })).toContainText("JANE");
  });

  await atStep(page, "Next time, the customer signs in to Acme Bank with one tap: no document, no form.", "08-reuse", async () => {
    await expect(phone.getByText("Sign in to Acme Bank")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("demo-flow-status")).toHaveText("Completed", { timeout: 30_000 });
  });

  await atStep(
    page,
    "The bank receives the verified name and birth date, reused from the proofing.",
    "09-reuse-done",
    async () => {
      await expect(page.getByTestId("demo-flow-status")).toHaveText("Completed");
      const received = view.getByRole("region", { name: "Identity the bank received" });
      await expect(received).toContainText("JANE");
      await expect(received).toContainText("1990-01-01");
      await expect(received).toContainText("NOR");
      await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
    },
    false,
  );

  // The raw exchanges, one click away.
  await page.getByRole("button", { name: /Show the API calls \(\d+\)/ }).click();
  const calls = page.getByRole("dialog", { name: "API calls of this flow" });
  await expect(calls.getByRole("list", { name: "Timeline" })).toContainText("/authentications");
  await page.screenshot({ path: `${SHOTS}/10-api-calls.png` });
  await calls.getByRole("button", { name: "Close" }).click();

  // Back shows the step-up again, as it ended.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByTestId("demo-sentence")).toHaveText("Next time, the customer signs in to Acme Bank with one tap: no document, no form.");

  // Overview is not empty after the reset: the baseline's flows over the past days.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByText("No flows yet.")).toHaveCount(0);
});

test("with masking on, the persona's name appears nowhere in the pages' text, until it is switched off", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  // A baseline in the Demo environment, which the console's pages then act on.
  const reset = await page.request.post("/api/demo/reset", { data: { confirm: true }, timeout: 120_000 });
  expect(reset.status()).toBe(200);
  const environments = (await (await page.request.get("/api/environments")).json()).data as { id: string; name: string }[];
  const demo = environments.find((e) => e.name === "Demo")!;
  expect((await page.request.post("/api/environments/select", { data: { id: demo.id } })).status()).toBe(200);

  await page.goto("/users");
  await expect(page.locator("body")).toContainText("JANE SMITH");
  const listed = (await (await page.request.get("/api/flows")).json()).data.items as { id: string; type: string; status: string }[];
  const onboarded = listed.find((f) => f.type === "onboarding" && f.status === "Completed")!;
  await page.goto(`/flows/${onboarded.id}`);
  await expect(page.getByTestId("user-data")).toBeVisible();

  await page.getByRole("switch", { name: "Mask personal data" }).check();
  // Each page is read once its personal data is on it (hidden, so still in the DOM); /demo shows
  // none before a story starts. Not "networkidle": /demo's phone and story poll, so it never is.
  const pages = ["/users", "/flows", "/", `/flows/${onboarded.id}`];
  for (const path of [...pages, "/demo"]) {
    await page.goto(path);
    if (path === "/demo") await expect(page.getByRole("navigation", { name: "Chapters" })).toBeVisible();
    else await expect(page.locator("[data-pii]").first()).toBeAttached();
    const text = await page.locator("body").innerText();
    expect(text, path).not.toMatch(/JANE|SMITH|1990-01-01/);
  }
  await page.goto("/users");
  await page.screenshot({ path: `${SHOTS}/11-masked-users.png` });
  // Remembered in this browser across pages and reloads; switched off, the names are back.
  await page.reload();
  await expect(page.getByRole("switch", { name: "Mask personal data" })).toBeChecked();
  await page.getByRole("switch", { name: "Mask personal data" }).uncheck();
  await expect(page.locator("body")).toContainText("JANE SMITH");
});

test("a sales engineer with the demo role gets the presenter view and nothing else of the console", async ({ page, browser }) => {
  await signIn(page);
  const created = await page.request.post("/api/staff", { data: { name: "Sam Sales", email: "sales@example.test", password: "sales-password-e2e", role: "demo", reason: "Runs customer demos" } });
  expect(created.status()).toBe(201);

  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 720 } });
  const sales = await context.newPage();
  await sales.goto("/signin");
  await sales.getByLabel("Email").fill("sales@example.test");
  await sales.getByLabel("Password").fill("sales-password-e2e");
  await sales.getByRole("button", { name: "Sign in" }).click();
  await expect(sales).toHaveURL(/\/demo$/);
  await expect(sales.getByTestId("demo-sentence")).toBeVisible();
  for (const path of ["/flows", "/users", "/environments"]) {
    await sales.goto(path);
    await expect(sales, path).toHaveURL(/\/demo$/);
  }
  expect((await sales.request.get("/api/flows")).status()).toBe(403);
  expect((await sales.request.get("/api/demo/brands")).status()).toBe(200);
  await context.close();
});
