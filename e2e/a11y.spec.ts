// No serious or critical WCAG 2.1 AA violation (axe-core) on any page: console pages empty
// (this runs first on the fresh database) and filled, in light and in dark mode, the sign-in
// page, and the virtual app from its first screen to a proofing result.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, startOnboarding } from "./helpers";
import { CONSOLE_PAGES, fillConsole, openPage } from "./pages";

// The console's CSP refuses injected scripts, axe's included. With reduced motion the console
// changes colours at once (app/globals.css), so axe never reads a button half-way through its
// fade: one turned enabled while axe read the page when the accounts arrived late on a busy CI.
test.use({ bypassCSP: true, reducedMotion: "reduce" });
// axe reads every node of some 45 page views: minutes on a busy machine.
test.describe.configure({ timeout: 600_000 });

type Finding = { where: string; id: string; impact: string; help: string; targets: string[] };

/**
 * Colours mid-transition are neither the old nor the new ones: a button that turns enabled as
 * its data arrives fades from indigo-300 to indigo-600 over 150 ms, and axe measured it half-way.
 * Wait for every finite animation (spinners run forever and are left out) before reading.
 */
async function settled(page: Page) {
  const idle = () => page.waitForFunction(() => document.getAnimations().every((a) => a.effect?.getComputedTiming().iterations === Infinity || a.playState !== "running"));
  // Twice, 300 ms apart: data that lands just after the first look starts a transition of its own.
  await idle();
  await page.waitForTimeout(300);
  await idle();
}

async function seriousViolations(page: Page, where: string): Promise<Finding[]> {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ where, id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  for (const f of found) console.log(`axe ${f.where}: ${f.id} (${f.impact}) ${f.help} — ${f.targets.join(" | ")}`);
  return found;
}

async function checkConsolePages(page: Page, pages: typeof CONSOLE_PAGES, label: string) {
  const findings: Finding[] = [];
  for (const target of pages) {
    await openPage(page, target);
    findings.push(...(await seriousViolations(page, `${label} ${target.path}`)));
  }
  return findings;
}

test("sign-in and the virtual app's first screen have no serious violation", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  // Reduced motion is honoured: no fade left for axe to catch half-way.
  expect(await page.getByRole("button", { name: "Sign in" }).evaluate((button) => getComputedStyle(button).transitionDuration)).toBe("0s");
  const findings = await seriousViolations(page, "/signin");
  await page.goto("/authenticator");
  await expect(page.getByRole("heading", { name: "Connect the app" })).toBeVisible();
  findings.push(...(await seriousViolations(page, "/authenticator")));
  expect(findings).toEqual([]);
});

test("every console page, empty and filled, light and dark, has no serious violation", async ({ page, request }) => {
  await signIn(page);
  const findings = await checkConsolePages(page, CONSOLE_PAGES, "empty");

  const filled = [...CONSOLE_PAGES, ...(await fillConsole(page, request, "a11y-filled"))];
  findings.push(...(await checkConsolePages(page, filled, "filled")));

  await page.context().addCookies([{ name: "theme", value: "dark", url: page.url() }]);
  findings.push(...(await checkConsolePages(page, filled, "dark")));
  expect(findings).toEqual([]);
});

test("the virtual app has no serious violation on any screen of an onboarding", async ({ page }) => {
  await signIn(page);
  await startOnboarding(page, "a11y-app");
  const [app] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: /Open the virtual app/ }).click()]);
  await expect(app.getByRole("textbox", { name: "Activation code" })).not.toHaveValue("");
  const findings = await seriousViolations(app, "app: activate");
  await app.getByRole("button", { name: "Activate", exact: true }).click();
  await app.getByRole("radio", { name: /JANE SMITH/ }).check();
  findings.push(...(await seriousViolations(app, "app: document")));
  await app.getByRole("button", { name: "Capture document" }).click();
  await expect(app.getByRole("button", { name: "Capture selfie" })).toBeVisible();
  findings.push(...(await seriousViolations(app, "app: selfie")));
  await app.getByRole("button", { name: "Capture selfie" }).click();
  await app.getByRole("radio", { name: /^Accepted/ }).check();
  findings.push(...(await seriousViolations(app, "app: outcome")));
  await app.getByRole("button", { name: "Submit proofing" }).click();
  await expect(app.getByRole("heading", { name: "Proofing accepted" })).toBeVisible();
  findings.push(...(await seriousViolations(app, "app: result")));
  await app.getByRole("button", { name: "Back to my device" }).click();
  await expect(app.getByRole("heading", { name: "My device" })).toBeVisible();
  findings.push(...(await seriousViolations(app, "app: device home")));
  expect(findings).toEqual([]);
});
