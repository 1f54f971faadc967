// Every page of the console opens for an admin with its heading and without an error, in light
// mode, dark mode and at phone width (390×844, where nothing may scroll sideways and the
// navigation is a menu), and leaves screenshots in test-results/screens for people to look at.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { CONSOLE_PAGES, fillConsole, openPage, type ConsolePage } from "./pages";

const SCREENS = "test-results/screens";
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, pages: ConsolePage[], suffix: string) {
  for (const target of pages) {
    await openPage(page, target);
    await page.screenshot({ path: `${SCREENS}/page-${target.name}${suffix}.png`, fullPage: true });
  }
}

test("every console page opens with its heading, in light and dark mode", async ({ page, request }) => {
  test.setTimeout(300_000); // some 30 full-page screenshots
  await signIn(page);
  const pages = [...CONSOLE_PAGES, ...(await fillConsole(page, request, "tour-1"))];
  await page.emulateMedia({ colorScheme: "light" });
  await shoot(page, pages, "");
  // Dark by the system's setting: no choice made, the page follows prefers-color-scheme.
  await page.emulateMedia({ colorScheme: "dark" });
  await shoot(page, pages, "-dark");
});

/** What makes a page wider than the screen: the outermost elements that reach past its right edge. */
const overflowing = () =>
  [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > window.innerWidth + 0.5))
    .slice(0, 3)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")} (${Math.round(el.getBoundingClientRect().right)} px)`);

test("at 390 px every console page fits the width and the navigation is a menu", async ({ page, request }) => {
  test.setTimeout(300_000);
  await signIn(page);
  const pages = [...CONSOLE_PAGES, ...(await fillConsole(page, request, "tour-phone"))];
  await page.setViewportSize(PHONE);
  const tooWide: string[] = [];
  for (const target of pages) {
    await openPage(page, target);
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    if (width.scroll > width.viewport) tooWide.push(`${target.path} is ${width.scroll} px wide: ${(await page.evaluate(overflowing)).join(", ")}`);
    await page.screenshot({ path: `${SCREENS}/page-${target.name}-phone.png`, fullPage: true });
  }
  expect(tooWide).toEqual([]);

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(nav.getByRole("link", { name: "History" })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/page-menu-phone.png` });
  await nav.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  await expect(nav).toBeHidden();
});

test("the theme toggle overrides the system and is remembered", async ({ page }) => {
  await signIn(page);
  await page.emulateMedia({ colorScheme: "light" });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByLabel("Theme").selectOption("dark");
  await expect.poll(background).not.toBe(light);
  await page.reload();
  await expect(page.getByLabel("Theme")).toHaveValue("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(await background()).not.toBe(light);
  await page.getByLabel("Theme").selectOption("system");
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  expect(await background()).toBe(light);
});
