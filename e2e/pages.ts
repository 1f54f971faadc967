// The console's pages for the checks that visit them all (tour, accessibility, phone width),
// and the data that makes them "filled": one completed onboarding started from the console.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { emulatorApi, startOnboarding } from "./helpers";

export type ConsolePage = { path: string; heading: string | RegExp; name: string };

export const CONSOLE_PAGES: ConsolePage[] = [
  { path: "/", heading: "Overview", name: "overview" },
  { path: "/onboarding", heading: "Start an onboarding", name: "onboarding" },
  { path: "/stepup", heading: "Step up a user", name: "stepup" },
  { path: "/authenticate", heading: "Authenticate a user", name: "authenticate" },
  { path: "/flows", heading: "History", name: "flows" },
  { path: "/flows?type=onboarding&status=Completed", heading: "History", name: "flows-completed" },
  { path: "/users", heading: "Users", name: "users" },
  { path: "/environments", heading: "Environments", name: "environments" },
  { path: "/staff", heading: /Staff/, name: "staff" },
  { path: "/audit", heading: /Audit/, name: "audit" },
  { path: "/emulator-admin", heading: /Emulator/, name: "emulator" },
  { path: "/emulator-admin?tab=events", heading: /Emulator/, name: "emulator-events" },
  { path: "/emulator-admin?tab=faults", heading: /Emulator/, name: "emulator-faults" },
  { path: "/api-reference", heading: "API reference", name: "api-reference" },
  { path: "/account/password", heading: "Change your password", name: "account-password" },
];

/** A completed onboarding of JANE SMITH started from the console; the flow and user pages join the list. */
export async function fillConsole(page: Page, request: APIRequestContext, externalRef: string): Promise<ConsolePage[]> {
  const code = await startOnboarding(page, externalRef);
  const flowPath = new URL(page.url()).pathname;
  const emulator = await emulatorApi(request);
  await emulator.post("/simulator/activations", { activationCode: code });
  const processId = (await page.getByTestId("id-processId").textContent())?.trim();
  expect(processId).toMatch(/[\w-]{8,}/);
  await emulator.post(`/simulator/proofings/${processId}`, { outcome: "accepted", persona: "jane-smith" });
  await expect(page.getByTestId("flow-status")).toHaveText("Completed", { timeout: 20_000 });
  const userId = (await page.getByTestId("id-userId").textContent())!.trim();
  return [
    { path: flowPath, heading: "Onboarding", name: "flow" },
    { path: `/users/${encodeURIComponent(userId)}`, heading: "JANE SMITH", name: "user" },
  ];
}

/** Waits for the page's own heading, so checks look at the page and not at a skeleton. */
export async function openPage(page: Page, target: ConsolePage) {
  await page.goto(target.path);
  await expect(page.getByRole("heading", { level: 1, name: target.heading }).first(), target.path).toBeVisible();
  await expect(page.getByText("This page could not be shown")).toHaveCount(0);
}
