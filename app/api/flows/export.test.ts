// A flow recorded by the console, exported as a script and as a Postman collection, and
// replayed against the emulator: each export starts a NEW onboarding with the same inputs and
// runs it to Completed. And an environment's Postman files.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { db } from "@/lib/data/db";
import { callerFor, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import { runNewman } from "@/lib/testing/newman";
import * as postmanFiles from "../environments/[id]/postman/route";
import * as exportOne from "./[id]/export/route";
import * as start from "./onboarding/route";

let server: EmulatorServer;
let simulator: EmulatorCaller;
let viewer: StaffSession;
let environmentId: string;
let flowId: string;

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  environmentId = (await db.environment.findFirstOrThrow({ where: { kind: "embedded" } })).id;
  simulator = await callerFor(server, "emulator-default", "emulator-client", "emulator-secret");
  viewer = await staffWithRole("viewer");
  const tester = await staffWithRole("tester");
  const started = await json(await start.POST(await apiRequest("/api/flows/onboarding", { json: { environmentId, externalRef: "export-1", docTypes: [147, 191], defaultId: 191 }, staff: tester })));
  flowId = started.body.data.id;
});
afterAll(() => server.close());

const exported = async (format: string) => exportOne.GET(await apiRequest(`/api/flows/${flowId}/export?format=${format}`, { staff: viewer }), routeParams({ id: flowId }));

describe("flow exports that replay the flow", () => {
  it("Export as shell script: a new onboarding with the same inputs runs to Completed", async () => {
    const response = await exported("sh");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="flow-onboarding-\w{8}\.sh"/);
    const script = await response.text();
    expect(script).toContain(`# Replays the onboarding flow ${flowId}`);
    expect(script).toContain("SIGNICAT_BASE='http://console.test/emulator'");
    expect(script).not.toContain("emulator-secret"); // a secret is never written into a script
    const { stdout } = await promisify(execFile)("bash", ["-c", script], {
      env: { ...process.env, SIGNICAT_BASE: server.baseUrl, CLIENT_SECRET: "emulator-secret" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(stdout).toContain("The new flow ended Completed.");
    const newTransaction = stdout.match(/"transactionId":"([^"]+)"/)![1];
    const recorded = await db.flow.findUniqueOrThrow({ where: { id: flowId } });
    expect(newTransaction).not.toBe(recorded.transactionId);
    const replayed = (await simulator.call("GET", `/reuseid/id-onboardings/${newTransaction}`)).body.data;
    expect(replayed.status).toBe("Completed");
    expect((await simulator.call("GET", `/assure/dossiers/${replayed.dossierId}`)).body.externalReference).toBe("export-1");
    expect((await simulator.call("GET", `/assure/dossiers/${replayed.dossierId}/processes/${replayed.processId}`)).body.providerSpecific.ocr.idType).toBe("191");
  });

  it("Export as Postman collection: newman runs it to Completed", async () => {
    const response = await exported("postman");
    expect(response.headers.get("content-disposition")).toMatch(/\.postman_collection\.json"$/);
    const collection = await response.json();
    const { executions, failures } = await runNewman(collection, { envVar: [{ key: "baseUrl", value: server.baseUrl }] });
    expect(failures).toEqual([]);
    expect(JSON.parse(executions[executions.length - 1].body).data.status).toBe("Completed");
  });

  it("refuses an unknown format and an unknown flow", async () => {
    expect((await exported("pdf")).status).toBe(400);
    const missing = await exportOne.GET(await apiRequest("/api/flows/nope/export?format=sh", { staff: viewer }), routeParams({ id: "nope" }));
    expect(missing.status).toBe(404);
  });
});

describe("an environment's Postman files", () => {
  const file = async (name: string, id = environmentId) => postmanFiles.GET(await apiRequest(`/api/environments/${id}/postman?file=${name}`, { staff: viewer }), routeParams({ id }));

  it("gives the base URL, token URL and client id, and the emulator's development default secret", async () => {
    const response = await file("environment");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="local-emulator.postman_environment.json"');
    const environment = await response.json();
    const values = Object.fromEntries(environment.values.map((v: { key: string; value: string }) => [v.key, v.value]));
    expect(values).toEqual({ baseUrl: "http://console.test/emulator", tokenUrl: "http://console.test/emulator/auth/open/connect/token", clientId: "emulator-client", clientSecret: "emulator-secret" });
  });

  it("leaves any other secret for the user to fill in", async () => {
    const remote = await db.environment.create({ data: { name: "Signicat test", kind: "sandbox", baseUrl: "https://api.signicat.com", clientId: "real-client", clientSecretEnc: "sealed" } });
    const environment = await (await file("environment", remote.id)).json();
    expect(environment.values.find((v: { key: string }) => v.key === "clientSecret")).toMatchObject({ value: "", type: "secret" });
    const collection = await (await file("collection", remote.id)).json();
    expect(JSON.stringify(collection)).not.toContain("/simulator/");
  });

  it("gives a quick-start collection that newman runs: onboarding, then a step-up of that user", async () => {
    const collection = await (await file("collection")).json();
    const { executions, failures } = await runNewman(collection, { envVar: [{ key: "baseUrl", value: server.baseUrl }] });
    expect(failures).toEqual([]);
    const finals = executions.filter((e) => e.name.startsWith("Wait for"));
    expect(JSON.parse(finals[0].body).data.status).toBe("Completed");
    const stepUp = JSON.parse(finals[finals.length - 1].body).data;
    expect(stepUp).toMatchObject({ status: "Completed", authenticationId: expect.any(String) });
  });
});
