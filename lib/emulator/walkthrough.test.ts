// The README's promise: a script with only curl and a client id and secret runs onboarding,
// step-up and authentication to completion and reads the proofing. This runs that script.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEmulatorDefaults } from "@/lib/emulator/bootstrap";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer();
  await ensureEmulatorDefaults({ clientId: "walkthrough-client", clientSecret: "walkthrough-secret" });
});
afterAll(() => server.close());

describe("docs/emulator-walkthrough.sh", () => {
  it("goes from a token to a completed onboarding, step-up and authentication with curl alone", async () => {
    // Asynchronously: the emulator answers from this same process.
    const { stdout: output } = await promisify(execFile)("bash", ["docs/emulator-walkthrough.sh"], {
      env: { ...process.env, BASE: server.baseUrl, CLIENT_ID: "walkthrough-client", CLIENT_SECRET: "walkthrough-secret" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(output).toContain("onboarding Completed");
    expect(output).toContain('"lastName":"SMITH"');
    expect(output).toContain("step-up Completed");
    expect(output).toMatch(/authentication COMPLETED: "userAttributes":\{"firstName":"JANE","nationality":"NOR"\}/);
    expect(output.trim().endsWith("done")).toBe(true);
  });
});
