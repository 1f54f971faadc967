// Staff admin and the audit trail, as an admin and a tester use them in a browser.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

const TESTER = { name: "Tess Tester", email: "tess.tester@example.test", password: "tester-password-e2e" };

test("an admin manages staff, the last admin stays, and the audit trail shows who did what and why", async ({ page, browser }) => {
  await signIn(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Staff" })).toBeVisible();
  await nav.getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();

  // Add a tester; the form explains what is missing first.
  await page.getByRole("button", { name: "Add staff user" }).click();
  await page.getByRole("button", { name: "Add staff user" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText("Say why, in at least 3 characters.")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(TESTER.name);
  await page.getByLabel("Email", { exact: true }).fill(TESTER.email);
  await page.getByLabel("Initial password").fill(TESTER.password);
  await page.getByLabel("Role", { exact: true }).selectOption("tester");
  await page.getByLabel("Reason", { exact: true }).fill("joins QA for the demo");
  await page.getByRole("button", { name: "Add staff user" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added ${TESTER.name} (${TESTER.email}) as Tester` })).toBeVisible();
  const testerRow = page.getByRole("row").filter({ hasText: TESTER.email });
  await expect(testerRow).toContainText("Tester");
  await expect(testerRow).toContainText("Active");

  // The tester signs in elsewhere: no Staff or Audit links, and the pages refuse.
  const testerContext = await browser.newContext();
  const testerPage = await testerContext.newPage();
  await signIn(testerPage, TESTER);
  const testerNav = testerPage.getByRole("navigation", { name: "Main" });
  await expect(testerNav.getByRole("link", { name: "History" })).toBeVisible();
  await expect(testerNav.getByRole("link", { name: "Staff" })).toHaveCount(0);
  await expect(testerNav.getByRole("link", { name: "Audit" })).toHaveCount(0);
  await testerPage.goto("/staff");
  const refusal = testerPage.getByRole("alert").filter({ hasText: "Not allowed" });
  await expect(refusal).toContainText("Your role (Tester) may not manage staff users");
  await expect(testerPage.getByText(ADMIN.email)).toHaveCount(0);
  await testerPage.goto("/audit");
  await expect(testerPage.getByRole("alert").filter({ hasText: "Not allowed" })).toContainText("may not read the audit trail");
  expect((await testerPage.request.get("/api/staff")).status()).toBe(403);
  await testerContext.close();

  // The only admin cannot demote themselves.
  await page.getByRole("button", { name: `Change role of ${ADMIN.email}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Change role");
  await dialog.getByLabel("New role").selectOption("viewer");
  await dialog.getByLabel("Reason").fill("trying to step down");
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "Not changed" })).toContainText("is the last active admin");
  await expect(dialog.getByRole("button", { name: "Save role" })).toBeEnabled();
  await page.screenshot({ path: "test-results/screens/staff-last-admin.png" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: ADMIN.email })).toContainText("Admin");

  // A role change with its reason.
  await page.getByRole("button", { name: `Change role of ${TESTER.email}` }).click();
  await dialog.getByLabel("New role").selectOption("support");
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog.getByText("Say why, in at least 3 characters.")).toBeVisible();
  await dialog.getByLabel("Reason").fill("covers the help desk this week");
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `${TESTER.name} (${TESTER.email}) is now Support` })).toBeVisible();
  await expect(testerRow).toContainText("Support");
  await page.screenshot({ path: "test-results/screens/staff.png", fullPage: true });

  // The audit page shows who did it, with which role, and why.
  await nav.getByRole("link", { name: "Audit" }).click();
  const change = page.getByRole("row").filter({ hasText: "staff.role.change" }).filter({ hasText: "covers the help desk this week" });
  await expect(change).toContainText(ADMIN.email);
  await expect(change).toContainText("Admin");
  await expect(change).toContainText(TESTER.email);
  await expect(change).toContainText("tester → support");
  await expect(change).toContainText("Changed staff role"); // the action with its verb
  await expect(change.getByRole("link", { name: TESTER.name })).toHaveAttribute("href", "/staff"); // the target by name, with a link
  const refused = page.getByRole("row").filter({ hasText: "trying to step down" });
  await expect(refused).toContainText("error");
  await expect(refused).toContainText("last active admin");
  await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });

  // Filters live in the URL.
  // Other suites add staff users to the same console: narrow to this one by target.
  await page.goto(`/audit?action=staff.create&target=${TESTER.email}`);
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("staff.create");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("joins QA for the demo");
  await page.getByLabel("Outcome", { exact: true }).selectOption("error");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/audit\?action=staff\.create&.*outcome=error/);
  await expect(page.getByText("No entries match these filters")).toBeVisible();

  // The export downloads the filtered view.
  await page.goto("/audit?action=staff.role.change");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-\d{14}\.csv$/);
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv).toContain("time,actor_email,actor_role,action,target");
  expect(csv).toContain("covers the help desk this week");
  expect(csv).not.toContain("staff.create");
});
