// The replay exports run for real: the shell script with bash and curl, the Postman collection
// with newman, both against the emulator over HTTP, each starting a NEW flow and seeing it end.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { runNewman } from "@/lib/testing/newman";
import { replayPlan, type ReplaySource } from "./plan";
import { postmanEnvironment, replayCollection } from "./postman";
import { replayScript } from "./shell";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const source = (type: string, startBody: unknown, extra: Partial<ReplaySource> = {}): ReplaySource => ({ id: "0123456789abcdef", type, environmentName: "Local emulator", startBody, ...extra });

async function runScript(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("bash", ["-c", script], { env: { ...process.env, CLIENT_SECRET: caller.clientSecret }, encoding: "utf8", timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const target = () => ({ baseUrl: server.baseUrl, clientId: caller.clientId });
const onboardingBody = { externalRef: "replay-1", provider: "videoid", videoidProviderOptions: { docTypes: [138, 147], defaultId: 138 } };

describe("Export as shell script", () => {
  it("says what it does, starts a new onboarding, reads each id from the answer before, polls in one loop and completes", async () => {
    const script = replayScript(replayPlan(source("onboarding", onboardingBody)), target());
    expect(script.split("\n").slice(0, 4).join("\n")).toContain("Replays the onboarding flow 0123456789abcdef");
    expect(script.match(/^for attempt/gm)).toHaveLength(1);
    expect(script.match(/^call /gm)).toHaveLength(3); // start, activation, proofing; the poll's call is in the loop

    const run = await runScript(script);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("The new flow ended Completed.");
    const transactionId = run.stdout.match(/"transactionId":"([^"]+)"/)![1];
    const flow = (await caller.call("GET", `/reuseid/id-onboardings/${transactionId}`)).body.data;
    expect(flow).toMatchObject({ status: "Completed", userData: { firstName: "JANE", lastName: "SMITH" } });
    // the same inputs: the new flow's dossier carries the externalRef, its proofing the default document
    expect((await caller.call("GET", `/assure/dossiers/${flow.dossierId}`)).body.externalReference).toBe("replay-1");
    expect((await caller.call("GET", `/assure/dossiers/${flow.dossierId}/processes/${flow.processId}`)).body.providerSpecific.ocr.idType).toBe("138");
    // nothing stray: one registration, used
    const transactions = (await caller.call("GET", `/mobileid/core/users/${flow.userId}/transactions`)).body.items;
    expect(transactions.filter((t: { type: string }) => t.type === "REGISTRATION").map((t: { state: string }) => t.state)).toEqual(["COMPLETED"]);
  });

  it("exits 1 and says so when the new flow does not complete", async () => {
    const script = replayScript(replayPlan(source("onboarding", { input: {} }), { persona: "elsa-lindqvist" }), target());
    const run = await runScript(script);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Failed:");
    expect(run.stderr).toContain("The new flow did not end Completed.");
  });

  it("replays a step-up and an authentication of an onboarded user", async () => {
    const first = await runScript(replayScript(replayPlan(source("onboarding", { input: {} })), target()));
    const transactionId = first.stdout.match(/"transactionId":"([^"]+)"/)![1];
    const { userId, deviceId } = (await caller.call("GET", `/reuseid/id-onboardings/${transactionId}`)).body.data;

    const stepUp = await runScript(replayScript(replayPlan(source("stepup", { userId, deviceId })), target()));
    expect(stepUp.stderr).toBe("");
    expect(stepUp.stdout).toContain("The new flow ended Completed.");

    const authentication = replayPlan(source("authentication", { requestedUserAttributes: ["firstName"] }, { userId, deviceId }));
    const run = await runScript(replayScript(authentication, target()));
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("The new flow ended COMPLETED.");
    expect(run.stdout).toContain('"userAttributes":{"firstName":"JANE"}');
  });

  it("is a script bash parses, with a planted base URL taken literally", () => {
    const script = replayScript(replayPlan(source("onboarding", { input: {} })), { baseUrl: "https://evil.example/$(touch /tmp/reuseid-replay-pwned)", clientId: "c" });
    execFileSync("bash", ["-n"], { input: script });
    expect(script).toContain("SIGNICAT_BASE='https://evil.example/$(touch /tmp/reuseid-replay-pwned)'");
  });

  it("keeps recorded text out of the shell's reach", async () => {
    const planted = source("onboarding", { externalRef: "x'; touch /tmp/reuseid-replay-pwned; echo '$(id)" }, { environmentName: "Evil\ntouch /tmp/reuseid-replay-pwned" });
    const script = replayScript(replayPlan(planted), { baseUrl: server.baseUrl, clientId: "emulator-client" });
    const run = await runScript(script);
    expect(run.code).toBe(0);
    const { existsSync } = await import("node:fs");
    expect(existsSync("/tmp/reuseid-replay-pwned")).toBe(false);
  });
});

describe("Export as Postman collection", () => {
  it("runs to Completed with newman: token first, ids through variables, a test on each status, polling", async () => {
    const collection = replayCollection(replayPlan(source("onboarding", onboardingBody)), target());
    const environment = postmanEnvironment("Local", { ...target(), defaultSecret: caller.clientSecret });
    expect(environment.values.find((v) => v.key === "clientSecret")).toMatchObject({ type: "secret" });
    const { executions, failures } = await runNewman(collection, { envVar: [{ key: "clientSecret", value: caller.clientSecret }] });
    expect(failures).toEqual([]);
    expect(executions[0]).toMatchObject({ name: "Get an access token", status: 200 });
    expect(executions.map((e) => e.name).slice(1, 4)).toEqual(["Start the onboarding", "Activate a device with the code (simulator)", "Finish the proofing (simulator)"]);
    const last = executions[executions.length - 1];
    expect(last.name).toBe("Wait for the onboarding to end");
    expect(JSON.parse(last.body).data.status).toBe("Completed");
    const started = JSON.parse(executions[1].body).data;
    expect(last.url).toContain(started.transactionId);
  });

  it("fails its status test when the flow does not complete", async () => {
    const collection = replayCollection(replayPlan(source("onboarding", { input: {} }), { persona: "lucia-garcia" }), target());
    const { failures } = await runNewman(collection, { envVar: [{ key: "clientSecret", value: caller.clientSecret }] });
    expect(failures).toEqual(["Wait for the onboarding to end: expected 'Failed' to deeply equal 'Completed'"]);
  });
});
