// Sign-in, the pages around the flows, and the environment a staff member adds.
import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toContainText("The email or password is not correct.");
  await page.screenshot({ path: "test-results/screens/signin-failed.png" });
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toContainText("The email or password is not correct.");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
});

test("the API refuses an anonymous caller in the one error shape", async ({ request }) => {
  const response = await request.get("/api/flows");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to use the console." } });
});

test.describe("signed in", () => {
  test.beforeEach(async ({ page }) => signIn(page));

  test("the onboarding form explains what is wrong, field by field, and starts nothing", async ({ page }) => {
    await page.goto("/onboarding");
    await page.getByLabel("External reference (optional)").fill("has spaces!");
    await page.getByRole("checkbox", { name: /Norwegian passport/ }).check();
    await page.getByRole("button", { name: "Start onboarding" }).click();
    await expect(page.getByText("Use letters, digits and . _ : @ + - only.")).toBeVisible();
    await expect(page).toHaveURL(/\/onboarding$/);
    await page.screenshot({ path: "test-results/screens/onboarding-form-errors.png", fullPage: true });
  });

  test("the onboarding form lists document types by country and name, with a filter", async ({ page }) => {
    await page.goto("/onboarding");
    const documents = page.getByRole("list", { name: "Documents" });
    await expect(documents.getByRole("checkbox").first()).toBeVisible();
    const countries = await documents.getByRole("listitem").evaluateAll((items) => items.map((li) => li.querySelector("span")?.textContent ?? ""));
    expect(countries).toEqual([...countries].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    await page.getByLabel("Filter documents").fill("portug");
    await expect(documents.getByRole("checkbox")).not.toHaveCount(0);
    for (const text of await documents.getByRole("listitem").allTextContents()) expect(text).toMatch(/Portug/);
    await page.screenshot({ path: "test-results/screens/onboarding-document-filter.png", fullPage: true });
    await page.getByLabel("Filter documents").fill("zzz nothing");
    await expect(documents).toContainText("No document matches “zzz nothing”.");
  });

  test("an admin adds a Signicat environment and Test connection reports the exact error", async ({ page }) => {
    await page.goto("/environments");
    await expect(page.getByRole("heading", { name: /Local emulator/ })).toBeVisible();
    await page.getByRole("button", { name: "Add environment" }).click();
    await page.getByLabel("Name").fill("Signicat sandbox");
    await page.getByLabel("API base URL").fill("http://api.signicat.com");
    await page.getByLabel("Client id").fill("sandbox-client-id");
    await page.getByLabel("Client secret").fill("sandbox-client-secret-value");
    await page.getByRole("button", { name: "Save environment" }).click();
    await expect(page.getByText("Signicat is only reached over https.")).toBeVisible();
    await page.getByLabel("API base URL").fill("https://api.signicat.com");
    await page.getByRole("button", { name: "Save environment" }).click();
    const card = page.locator("section", { hasText: "Signicat sandbox" });
    await expect(card).toBeVisible();
    await expect(card).not.toContainText("sandbox-client-secret-value");
    await card.getByRole("button", { name: "Test connection" }).click();
    // This machine has no route to Signicat: the console must say so plainly, not spin.
    await expect(card.getByTestId("connection-result")).toContainText(/cannot be reached|No answer in time|refused/, { timeout: 20_000 });
    await page.screenshot({ path: "test-results/screens/environments.png", fullPage: true });

    const local = page.locator("section", { hasText: "Local emulator" });
    await local.getByRole("button", { name: "Test connection" }).click();
    await expect(local.getByTestId("connection-result")).toContainText("Connected");
    await expect(local.getByRole("img", { name: /App configuration QR/ })).toBeVisible();
  });

  test("an admin sees a bad URL's field error, edits an environment and deletes it by typing its name; its flows stay readable", async ({ page }) => {
    await page.goto("/environments");
    await page.getByRole("button", { name: "Add environment" }).click();
    await page.getByLabel("Name").fill("Short-lived sandbox");
    await page.getByLabel("API base URL").fill("not a url");
    await page.getByRole("button", { name: "Save environment" }).click();
    // Used to throw "Failed to construct 'URL'" in the browser and show nothing.
    await expect(page.getByText("Enter a full URL, e.g. https://api.signicat.com.")).toBeVisible();
    await expect(page.getByText("Enter the API client's id.")).toBeVisible();
    await page.getByLabel("API base URL").fill("https://api.signicat.com");
    await page.getByLabel("Client id").fill("short-client");
    await page.getByRole("button", { name: "Save environment" }).click();
    // Sent again: the old errors are gone, only what is still wrong is said.
    await expect(page.getByText("Enter a full URL, e.g. https://api.signicat.com.")).toHaveCount(0);
    await expect(page.getByText("Enter the API client's id.")).toHaveCount(0);
    await expect(page.getByText("Enter the API client's secret.")).toBeVisible();
    await page.getByLabel("Client secret").fill("short-client-secret");
    await page.getByRole("button", { name: "Save environment" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added the environment Short-lived sandbox." })).toBeVisible();

    await page.getByRole("button", { name: "Edit Short-lived sandbox" }).click();
    const form = page.locator("section", { hasText: "Edit Short-lived sandbox" });
    await form.getByLabel("API base URL").fill("https://api.signicat.com/other");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByText("Enter the client secret again when the URL or client id changes.")).toBeVisible();
    await form.getByLabel("API base URL").fill("https://api.signicat.com");
    await form.getByLabel("Name").fill("Short-lived sandbox 2");
    await form.getByLabel("applicationId").fill("app-e2e-1");
    await form.getByLabel("Public key").fill("MFkwE2e-public-key");
    await form.getByLabel("Server URL").fill("https://api.signicat.com/encore/encap");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved the environment Short-lived sandbox 2." })).toBeVisible();
    const card = page.locator("section", { hasText: "Short-lived sandbox 2" });
    await expect(card.getByText("app-e2e-1")).toBeVisible();
    await expect(card.getByRole("img", { name: "App configuration QR for Short-lived sandbox 2" })).toBeVisible();

    // A flow recorded against it (the start fails: no route to Signicat here).
    const environments = (await (await page.request.get("/api/environments")).json()).data as { id: string; name: string }[];
    const id = environments.find((e) => e.name === "Short-lived sandbox 2")!.id;
    const started = await page.request.post("/api/flows/onboarding", { data: { environmentId: id } });
    const flowId = (await started.json()).error.flowId as string;

    await page.goto("/environments");
    await page.getByRole("button", { name: "Delete Short-lived sandbox 2" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete Short-lived sandbox 2" });
    await expect(dialog.getByRole("button", { name: "Delete environment" })).toBeDisabled();
    await dialog.getByLabel("Type Short-lived sandbox 2 to confirm").fill("Short-lived sandbox 2");
    await page.screenshot({ path: "test-results/screens/environment-delete.png", fullPage: true });
    await dialog.getByRole("button", { name: "Delete environment" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Deleted the environment Short-lived sandbox 2. Its flows stay in History" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Short-lived sandbox 2/ })).toHaveCount(0);
    await page.goto("/onboarding");
    await expect(page.getByRole("option", { name: /Short-lived sandbox 2/ })).toHaveCount(0);

    await page.goto(`/flows/${flowId}`);
    await expect(page.getByText("Short-lived sandbox 2")).toBeVisible();
    await expect(page.getByText("(deleted)").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
    await page.goto(`/flows?environment=${id}`);
    await expect(page.getByRole("row", { name: /Short-lived sandbox 2 \(deleted\)/ })).toHaveCount(1);
    await page.screenshot({ path: "test-results/screens/history-deleted-environment.png", fullPage: true });
  });

  test("history lists flows newest first and shows an empty state for an empty page", async ({ page }) => {
    await page.goto("/flows?page=99");
    await expect(page.getByText("No flows on this page")).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/overview.png", fullPage: true });
    await page.goto("/flows/does-not-exist");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});

test("a signed-out request for a page's server data gets none, whatever router headers it sends", async ({ page, request }) => {
  await signIn(page);
  const environments = await (await page.request.get("/api/environments")).json();
  const started = await page.request.post("/api/flows/onboarding", { data: { environmentId: environments.data[0].id } });
  const { id } = (await started.json()).data;
  const flow = (await (await page.request.get(`/api/flows/${id}`)).json()).data;
  expect(flow.activationCode).toMatch(/^\d{10}$/);

  // What a client navigation asks for: the page's part only, as if the layout were already there.
  const tree = ["", { children: ["(console)", { children: ["flows", { children: [["id", id, "d"], { children: ["__PAGE__", {}] }] }] }] }];
  for (const path of [`/flows/${id}`, "/flows", "/users?q=e2e", "/"]) {
    const response = await request.get(path, { headers: { RSC: "1", "Next-Router-State-Tree": encodeURIComponent(JSON.stringify(tree)) }, maxRedirects: 0 });
    const body = await response.text();
    expect(body, path).not.toContain(flow.activationCode);
    expect(body, path).not.toContain(flow.userId);
  }
});
