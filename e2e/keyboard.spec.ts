// Done from the keyboard alone: a whole onboarding (sign in, start it, open the virtual app,
// activate, choose, capture, decide, submit), and the dialogs: focus moves in, Escape closes,
// focus returns to what opened it. Locators only read where focus is; every action is a key.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";
import { fillConsole } from "./pages";

const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab until `target` has the focus; fails if it never does (it is not reachable by keyboard). */
async function tabTo(page: Page, target: Locator, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await hasFocus(target)) return;
  }
  // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- a Locator prints as its selector (Playwright defines its toString)
  throw new Error(`Tab never reached ${target}`);
}

/** Tab stops once per radio group: presses Tab until a radio of `target`'s group has the focus. */
async function tabToGroupOf(page: Page, target: Locator, max = 200) {
  const group = await target.getAttribute("name");
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((name) => document.activeElement instanceof HTMLInputElement && document.activeElement.type === "radio" && document.activeElement.name === name, group)) return;
  }
  throw new Error(`Tab never reached the radio group ${group}`);
}

/** Inside a radio group the arrow keys move and choose. */
async function arrowTo(page: Page, target: Locator, max = 20) {
  for (let i = 0; i < max && !(await hasFocus(target)); i++) await page.keyboard.press("ArrowDown");
  expect(await hasFocus(target)).toBe(true);
  if (!(await target.isChecked())) await page.keyboard.press("Space");
  await expect(target).toBeChecked();
}

test("a whole onboarding with the keyboard alone", async ({ page }) => {
  test.setTimeout(300_000); // a few hundred key presses, each followed by a look at the focus
  await page.goto("/signin");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(ADMIN.email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Onboarding" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Start an onboarding" })).toBeVisible();
  await expect(page.getByRole("checkbox").first()).toBeVisible(); // document types loaded
  await tabTo(page, page.getByLabel("External reference (optional)"));
  await page.keyboard.type("keyboard-only");
  const start = page.getByRole("button", { name: "Start onboarding" });
  await expect(start).toBeEnabled();
  await tabTo(page, start);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("flow-status")).toHaveText("Pending");

  const openApp = page.getByRole("link", { name: /Open the virtual app/ });
  await tabTo(page, openApp);
  const [app] = await Promise.all([page.context().waitForEvent("page"), page.keyboard.press("Enter")]);
  await app.waitForLoadState();
  await expect(app.getByRole("textbox", { name: "Activation code" })).not.toHaveValue("");
  const activate = app.getByRole("button", { name: "Activate", exact: true });
  await tabTo(app, activate);
  await app.keyboard.press("Enter");

  const personas = app.getByRole("radio", { name: /JANE SMITH/ });
  await expect(personas).toBeVisible();
  await tabToGroupOf(app, personas);
  await arrowTo(app, personas);
  await tabTo(app, app.getByRole("button", { name: "Capture document" }));
  await app.keyboard.press("Enter");
  const selfie = app.getByRole("button", { name: "Capture selfie" });
  await expect(selfie).toBeVisible();
  await tabTo(app, selfie);
  await app.keyboard.press("Enter");
  const accepted = app.getByRole("radio", { name: /^Accepted/ });
  await expect(accepted).toBeVisible();
  await tabToGroupOf(app, accepted);
  await arrowTo(app, accepted);
  await tabTo(app, app.getByRole("button", { name: "Submit proofing" }));
  await app.keyboard.press("Enter");
  await expect(app.getByRole("heading", { name: "Proofing accepted" })).toBeVisible();
  await app.close();

  await expect(page.getByTestId("flow-status")).toHaveText("Completed", { timeout: 20_000 });
  await expect(page.getByTestId("user-data")).toContainText("JANE");
});

test("dialogs take the focus, close on Escape, give the focus back, and confirm with a toast", async ({ page, request }) => {
  test.setTimeout(300_000);
  await signIn(page);
  const [, user] = await fillConsole(page, request, "keyboard-dialogs");

  // The image lightbox on the flow page: a visible Close button, Escape, focus back on the thumbnail.
  const thumbnail = page.getByRole("button", { name: /front · click to enlarge/ });
  await tabTo(page, thumbnail);
  await page.keyboard.press("Enter");
  const lightbox = page.getByRole("dialog", { name: "Proofing image: front" });
  await expect(lightbox).toBeVisible();
  await expect(lightbox.getByRole("button", { name: "Close" })).toBeVisible();
  expect(await lightbox.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await tabTo(page, lightbox.getByRole("button", { name: "Close" }));
  await page.keyboard.press("Enter");
  await expect(lightbox).toBeHidden();
  expect(await hasFocus(thumbnail)).toBe(true);
  await page.keyboard.press("Enter");
  await expect(lightbox).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
  expect(await hasFocus(thumbnail)).toBe(true);

  // An action dialog on the user page, then the action done, and the toast says what and to whom.
  await page.goto(user.path);
  const lock = page.getByRole("button", { name: "Lock user" });
  await tabTo(page, lock);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Lock user" });
  await expect(dialog).toBeVisible();
  expect(await hasFocus(dialog.getByLabel("Reason"))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await hasFocus(lock)).toBe(true);
  await page.keyboard.press("Enter");
  await page.keyboard.type("Customer asked by phone");
  await tabTo(page, dialog.getByRole("button", { name: "Lock user" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Locked user JANE SMITH" })).toBeVisible();
});
