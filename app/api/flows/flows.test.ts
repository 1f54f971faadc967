// Onboarding through the console's route handlers on a real SQLite database, with the
// emulator over real HTTP playing Signicat and its simulator playing the phone.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { callerFor, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import { apiRequest, closedPortUrl, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as start from "./onboarding/route";
import * as list from "./route";
import * as one from "./[id]/route";
import * as proofing from "./[id]/proofing/route";
import * as images from "./[id]/images/[depiction]/route";

let server: EmulatorServer;
let simulator: EmulatorCaller;
let tester: StaffSession;
let viewer: StaffSession;
let environmentId: string;

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  const local = await db.environment.findFirstOrThrow({ where: { kind: "embedded" } });
  environmentId = local.id;
  simulator = await callerFor(server, "emulator-default", "emulator-client", "emulator-secret");
  tester = await staffWithRole("tester");
  viewer = await staffWithRole("viewer");
});
afterAll(() => server.close());

async function startFlow(body: Record<string, unknown>, staff = tester) {
  return json(await start.POST(await apiRequest("/api/flows/onboarding", { json: { environmentId, ...body }, staff })));
}
async function getFlow(id: string, staff = tester) {
  // a tester: viewers do not see activation codes
  await db.flow.update({ where: { id }, data: { nextCheckAt: new Date(0) } }); // the watcher's next check is due now
  return json(await one.GET(await apiRequest(`/api/flows/${id}`, { staff }), routeParams({ id })));
}

describe("onboarding through the console API", () => {
  it("starts, follows and completes an onboarding, recording every step and exchange", async () => {
    const started = await startFlow({ externalRef: "it-1", docTypes: [138, 147], defaultId: 138 });
    expect(started.status).toBe(201);
    const id = started.body.data.id;

    let flow = (await getFlow(id)).body.data;
    expect(flow).toMatchObject({ status: "Pending", type: "onboarding", externalRef: "it-1", startedBy: { email: tester.email } });
    expect(flow.activationCode).toMatch(/^\d{10}$/);
    expect(flow.input.body).toEqual({ externalRef: "it-1", provider: "videoid", videoidProviderOptions: { docTypes: [138, 147], defaultId: 138 } });
    expect(flow.events.map((e: { name: string }) => e.name)).toEqual(["Pending", "user_created"]);

    const activation = await simulator.call("POST", "/simulator/activations", { body: { activationCode: flow.activationCode } });
    expect(activation.status).toBe(200);
    flow = (await getFlow(id)).body.data;
    expect(flow.status).toBe("Pending");
    expect(flow.events.map((e: { name: string }) => e.name)).toContain("device_activated");

    const proofed = await simulator.call("POST", `/simulator/proofings/${flow.processId}`, { body: { outcome: "accepted", persona: "jane-smith" } });
    expect(proofed.status).toBe(200);
    flow = (await getFlow(id)).body.data;
    expect(flow.status).toBe("Completed");
    expect(flow.result.userData).toEqual({ firstName: "JANE", lastName: "SMITH", dateOfBirth: "1990-01-01", gender: "F", nationality: "NOR" });
    expect(flow.deviceId).toBe(activation.body.deviceId);
    expect(flow.proofingId).toBeTruthy();
    expect(flow.finishedAt).toBeTruthy();
    expect(flow.events.filter((e: { kind: string }) => e.kind === "step").map((e: { name: string }) => e.name)).toEqual([
      "user_created",
      "device_activated",
      "proofing_started",
      "proofing_finished",
      "completed",
    ]);
    expect(flow.exchanges.every((x: { traceId: string | null }) => x.traceId)).toBe(true);
    expect(flow.exchanges[0]).toMatchObject({ method: "POST", status: 200 });

    // A final flow is not asked about again.
    const exchanges = flow.exchanges.length;
    expect((await getFlow(id)).body.data.exchanges.length).toBe(exchanges);

    const record = await json(await proofing.GET(await apiRequest("/x", { staff: viewer }), routeParams({ id })));
    expect(record.status).toBe(200);
    expect(record.body.data.process.providerSpecific.ocr).toMatchObject({ firstName: "JANE", lastName: "SMITH", idType: "138" });
    expect(record.body.data.process.providerSpecific.ocr.securityChecks.nonExpired).toEqual({ valid: true });

    const front = await images.GET(await apiRequest("/x", { staff: viewer }), routeParams({ id, depiction: "front" }));
    expect(front.status).toBe(200);
    // the Assure API's binary image (JPEG), passed through
    expect(front.headers.get("content-type")).toBe("image/jpeg");
    expect(front.headers.get("content-security-policy")).toContain("sandbox");
    expect(await sharp(Buffer.from(await front.arrayBuffer())).metadata()).toMatchObject({ format: "jpeg" });

    const history = await json(await list.GET(await apiRequest("/api/flows", { staff: viewer })));
    expect(history.body.data.items[0]).toMatchObject({ id, status: "Completed" });
  });

  it("fails the flow with the reason when the proofing is rejected", async () => {
    const id = (await startFlow({})).body.data.id;
    const flow = (await getFlow(id)).body.data;
    await simulator.call("POST", "/simulator/activations", { body: { activationCode: flow.activationCode } });
    await simulator.call("POST", `/simulator/proofings/${flow.processId}`, { body: { outcome: "rejected" } });
    const failed = (await getFlow(id)).body.data;
    expect(failed).toMatchObject({ status: "Failed", errorCode: "proofing_rejected" });
    expect(failed.events.map((e: { name: string }) => e.name)).toContain("Failed");
    expect(failed.events.map((e: { name: string }) => e.name)).not.toContain("completed");
  });

  it("shows an expired activation code as Expired with its reason", async () => {
    const id = (await startFlow({})).body.data.id;
    const flow = await db.flow.findUniqueOrThrow({ where: { id } });
    await db.emuRegistration.updateMany({ where: { activationCode: flow.activationCode! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = (await getFlow(id)).body.data;
    expect(expired).toMatchObject({ status: "Expired", errorCode: "activation_expired" });
  });

  it("refuses bad input with field-level errors and writes nothing", async () => {
    const before = await db.flow.count();
    const bad = await startFlow({ docTypes: [138], defaultId: 191, externalRef: "not valid!" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({ defaultId: expect.any(String), externalRef: expect.any(String) });
    const unknown = await json(await start.POST(await apiRequest("/x", { json: { environmentId: "missing" }, staff: tester })));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.environmentId).toMatch(/does not exist/);
    expect(await db.flow.count()).toBe(before);
  });

  it("refuses a viewer and an anonymous caller", async () => {
    expect((await startFlow({}, viewer)).status).toBe(403);
    expect((await start.POST(await apiRequest("/x", { json: { environmentId } }))).status).toBe(401);
    expect((await one.GET(await apiRequest("/x"), routeParams({ id: "x" }))).status).toBe(401);
  });

  it("records a start that the upstream refused, and says so plainly", async () => {
    const local = await db.environment.findUniqueOrThrow({ where: { id: environmentId } });
    const down = await db.environment.create({ data: { name: "Down", kind: "sandbox", baseUrl: await closedPortUrl(), clientId: "x", clientSecretEnc: local.clientSecretEnc } });
    const result = await json(await start.POST(await apiRequest("/x", { json: { environmentId: down.id }, staff: tester })));
    expect(result.status).toBe(502);
    expect(result.body.error.code).toBe("upstream_network");
    expect(result.body.error.message).toMatch(/connection refused/);
    const flow = await db.flow.findUniqueOrThrow({ where: { id: result.body.error.flowId }, include: { exchanges: true } });
    expect(flow.status).toBe("Error");
    expect(flow.exchanges).toHaveLength(1);
    expect(flow.exchanges[0].status).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "flow.onboarding.start", outcome: "error", target: `flow ${flow.id}` } })).toBe(1);
  });

  it("keeps a pending flow as it was when the upstream is down, and reports it", async () => {
    const id = (await startFlow({})).body.data.id;
    await server.close();
    try {
      const result = await getFlow(id);
      expect(result.status).toBe(200);
      expect(result.body.data.status).toBe("Pending");
      expect(result.body.data.upstreamError).toMatch(/cannot be reached/);
    } finally {
      server = await startEmulatorServer();
      process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
    }
  });
});
