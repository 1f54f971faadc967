// Runs last (file names sort): searches everything the suite made the console say — the server's
// log lines, every API and emulator response body (RESPONSE_LOG_FILE, set by e2e/serve.mjs), and
// every page an admin can open — for the secrets the suite configured. One hit fails the run.
import { expect, test } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ADMIN, signIn } from "./helpers";

const dir = resolve(`.data/e2e-${process.env.E2E_PORT || "3100"}`);
const SECRETS: Record<string, string> = {
  EMULATOR_CLIENT_SECRET: process.env.EMULATOR_CLIENT_SECRET || "emulator-secret",
  ADMIN_PASSWORD: ADMIN.password,
  "the sandbox environment's secret (console.spec)": "sandbox-client-secret-value",
  "the metadata environment's secret (hardening.spec)": "metadata-secret-value",
  "the lock-out user's password (hardening.spec)": "lockout-password-e2e",
};
const PAGES = ["/", "/onboarding", "/stepup", "/authenticate", "/flows", "/users", "/environments", "/audit", "/staff", "/emulator-admin", "/authenticator"];

function findSecrets(text: string, where: string): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
      found.push(`${name} in ${where}: …${text.slice(Math.max(0, at - 80), at + secret.length + 40).replace(/\s+/g, " ")}…`);
      if (found.length > 20) return found;
    }
  }
  return found;
}

test("no configured secret appears in a response or a log line of the whole suite", async ({ page }) => {
  const keyFile = `${dir}/encryption.key`;
  if (existsSync(keyFile)) SECRETS["the encryption key"] = readFileSync(keyFile, "utf8").trim();

  const pageBodies: { url: string; body: string }[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/html|json|text|x-component/.test(type)) pageBodies.push({ url: response.url(), body: await response.text().catch(() => "") });
  });
  await signIn(page);
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  for (const { id } of (await (await page.request.get("/api/environments")).json()).data as { id: string }[]) {
    pageBodies.push({ url: `/api/environments/${id}`, body: await (await page.request.get(`/api/environments/${id}`)).text() });
  }

  const serverLog = readFileSync(`${dir}/server.log`, "utf8");
  const responses = readFileSync(`${dir}/responses.jsonl`, "utf8");
  expect(serverLog).toContain('"message":"request"'); // the log is really there: an empty file would prove nothing
  expect(responses.split("\n").length).toBeGreaterThan(5);
  const found = [...findSecrets(serverLog, "the server log"), ...findSecrets(responses, "the API and emulator responses"), ...pageBodies.flatMap(({ url, body }) => findSecrets(body, url))];
  expect(found, found.join("\n")).toEqual([]);
});
