// Every page of the console opens for an admin with its heading and without an error,
// and leaves a screenshot in test-results/screens for people to look at.
import { expect, test } from "@playwright/test";
import { emulatorApi, signIn } from "./helpers";

const PAGES: [string, string | RegExp][] = [
  ["/", "Overview"],
  ["/onboarding", "Start an onboarding"],
  ["/stepup", "Step up a user"],
  ["/authenticate", "Authenticate a user"],
  ["/flows", "History"],
  ["/flows?type=onboarding&status=Completed", "History"],
  ["/users", "Users"],
  ["/environments", "Environments"],
  ["/staff", /Staff/],
  ["/audit", /Audit/],
  ["/emulator-admin", /Emulator/],
];

test("every console page opens with its heading", async ({ page, request }) => {
  // Something to show: one completed onboarding made through the emulator's API.
  const emulator = await emulatorApi(request);
  const { data } = await emulator.post("/reuseid/id-onboardings", { externalRef: "tour-1" });
  await emulator.post("/simulator/activations", { activationCode: data.activationCode });
  await emulator.post(`/simulator/proofings/${data.processId}`, { outcome: "accepted", persona: "sam-van-dijk" });

  await signIn(page);
  for (const [path, heading] of PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading }).first(), path).toBeVisible();
    await expect(page.getByText("This page could not be shown")).toHaveCount(0);
    const name = path.replace(/[^a-z]+/gi, "-").replace(/^-|-$/g, "") || "overview";
    await page.screenshot({ path: `test-results/screens/page-${name}.png`, fullPage: true });
  }
});
