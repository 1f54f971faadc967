import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import { activateTestDevice, deviceKey, signedAppCall, type TestDevice } from "@/lib/testing/emulator-device";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import type { AuthenticationAnswerResponse, DeviceResponse, PendingOperation } from "./app-protocol";

let server: EmulatorServer;
let caller: EmulatorCaller;
let applicationId: string;

beforeAll(async () => {
  const started = await startEmulatorWithDefaults();
  ({ server, caller } = started);
  applicationId = started.account.applicationId;
});
afterAll(() => server.close());

/** A user onboarded with a browser-like device (its key only the test has). */
async function onboardWithDevice(): Promise<TestDevice> {
  const start = await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } });
  const device = await activateTestDevice(server, applicationId, start.body.data.activationCode);
  await caller.call("POST", `/simulator/proofings/${start.body.data.processId}`, { body: { outcome: "accepted" } });
  return device;
}

type AuthOperation = Extract<PendingOperation, { type: "authentication" }>;

async function operations(device: TestDevice): Promise<PendingOperation[]> {
  const res = await device.call<DeviceResponse>("GET", `/devices/${device.deviceId}`);
  expect(res.status).toBe(200);
  return res.body.operations;
}

const approve = async (device: TestDevice, op: AuthOperation, signature?: string) =>
  device.call<AuthenticationAnswerResponse>("POST", `/authentications/${op.authenticationId}`, {
    decision: "approve",
    signature: signature ?? (await device.sign(`authenticate:${op.authenticationId}:${op.challenge}`)),
  });

describe("authentications on the app side", () => {
  it("lists a plain authentication with its context, and approves it with a valid signature", async () => {
    const device = await onboardWithDevice();
    const content = Buffer.from("Approve the payment?").toString("base64");
    const started = await caller.call("POST", `/mobileid/core/users/${device.userId}/devices/${device.deviceId}/authentications`, {
      body: { preOperationContext: { content, mimeType: "text/plain" } },
    });
    const [op] = (await operations(device)) as AuthOperation[];
    expect(op).toEqual({
      type: "authentication",
      authenticationId: started.body.authenticationId,
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      preOperationContext: { content, mimeType: "text/plain" },
      stepUp: false,
      expiresAt: started.body.expiresAt,
    });
    const res = await approve(device, op);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ authenticationId: op.authenticationId, state: "COMPLETED", operations: [] });
    expect(await operations(device)).toEqual([]);
  });

  it("hands the device the post-operation context once it approved, and only then", async () => {
    const device = await onboardWithDevice();
    const after = { content: Buffer.from("You are signed in.").toString("base64"), mimeType: "text/plain" };
    await caller.call("POST", `/mobileid/core/users/${device.userId}/devices/${device.deviceId}/authentications`, { body: { postOperationContext: after } });
    const [op] = (await operations(device)) as AuthOperation[];
    expect(op).not.toHaveProperty("postOperationContext");
    const res = await approve(device, op);
    expect(res.body).toMatchObject({ state: "COMPLETED", postOperationContext: after });
  });

  it("turns an approved step-up into the device's proofing operation, which the device finishes", async () => {
    const device = await onboardWithDevice();
    const stepUp = (await caller.call("POST", "/reuseid/id-stepups", { body: { userId: device.userId, deviceId: device.deviceId } })).body.data;
    const [op] = (await operations(device)) as AuthOperation[];
    expect(op).toMatchObject({ type: "authentication", authenticationId: stepUp.authenticationId, stepUp: true, preOperationContext: { mimeType: "application/json" } });
    const res = await approve(device, op);
    expect(res.body.operations).toEqual([expect.objectContaining({ type: "proofing", flow: "stepup", transactionId: stepUp.transactionId, processId: stepUp.processId })]);
    const proofing = await device.call("POST", `/proofings/${stepUp.processId}`, { outcome: "accepted", docType: 138 });
    expect(proofing.status).toBe(200);
    expect(proofing.body.flowStatus).toBe("Completed");
    expect((await caller.call("GET", `/reuseid/id-stepups/${stepUp.transactionId}`)).body.data.status).toBe("Completed");
  });

  it("refuses a missing or wrong signature with 401 invalid_signature and changes nothing", async () => {
    const device = await onboardWithDevice();
    await caller.call("POST", `/mobileid/core/users/${device.userId}/devices/${device.deviceId}/authentications`);
    const [op] = (await operations(device)) as AuthOperation[];
    const unsigned = await device.call("POST", `/authentications/${op.authenticationId}`, { decision: "approve" });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.code).toBe("invalid_signature");
    const wrongText = await approve(device, op, await device.sign(`authenticate:${op.authenticationId}:other`));
    expect(wrongText.status).toBe(401);
    const otherKey = await deviceKey();
    expect((await approve(device, op, await otherKey.sign(`authenticate:${op.authenticationId}:${op.challenge}`))).status).toBe(401);
    expect((await db.emuAuthentication.findUniqueOrThrow({ where: { id: op.authenticationId } })).state).toBe("PENDING");
    expect((await approve(device, op)).status).toBe(200);
    expect((await approve(device, op)).status).toBe(409);
  });

  it("rejects without a signature, and keeps a device away from another device's authentication (404)", async () => {
    const a = await onboardWithDevice();
    const b = await onboardWithDevice();
    await caller.call("POST", `/mobileid/core/users/${a.userId}/devices/${a.deviceId}/authentications`);
    const [op] = (await operations(a)) as AuthOperation[];
    const stolen = await b.call("POST", `/authentications/${op.authenticationId}`, { decision: "reject" });
    expect(stolen.status).toBe(404);
    const rejected = await a.call<AuthenticationAnswerResponse>("POST", `/authentications/${op.authenticationId}`, { decision: "reject" });
    expect(rejected.body.state).toBe("FAILED");
    const bad = await a.call("POST", `/authentications/${op.authenticationId}`, { decision: "later" });
    expect(bad.status).toBe(400);
    const unsignedRequest = await fetch(`${server.baseUrl}/encore/encap/authentications/${op.authenticationId}`, { method: "POST", body: JSON.stringify({ decision: "reject" }) });
    expect(unsignedRequest.status).toBe(401);
  });
});

describe("a device managing itself", () => {
  it("renames itself and refuses a bad name", async () => {
    const device = await onboardWithDevice();
    const res = await device.call("PATCH", `/devices/${device.deviceId}`, { deviceName: "My tablet" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deviceId: device.deviceId, deviceName: "My tablet", state: "ACTIVE" });
    expect((await caller.call("GET", `/mobileid/core/users/${device.userId}/devices/${device.deviceId}`)).body.deviceName).toBe("My tablet");
    const bad = await device.call("PATCH", `/devices/${device.deviceId}`, { deviceName: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0].name).toBe("deviceName");
  });

  it("may not touch another device (403), and removes itself (204)", async () => {
    const a = await onboardWithDevice();
    const b = await onboardWithDevice();
    expect((await a.call("PATCH", `/devices/${b.deviceId}`, { deviceName: "mine now" })).status).toBe(403);
    expect((await a.call("DELETE", `/devices/${b.deviceId}`)).status).toBe(403);
    const removed = await a.call("DELETE", `/devices/${a.deviceId}`);
    expect(removed.status).toBe(204);
    expect((await caller.call("GET", `/mobileid/core/users/${a.userId}/devices`)).body).toEqual([]);
    expect((await a.call("GET", `/devices/${a.deviceId}`)).status).toBe(401);
  });

  it("answers CORS preflight for the new methods", async () => {
    const res = await fetch(`${server.baseUrl}/encore/encap/devices/x`, { method: "OPTIONS" });
    expect(res.headers.get("access-control-allow-methods")).toContain("PATCH");
    expect(res.headers.get("access-control-allow-methods")).toContain("DELETE");
  });

  it("a locked device is refused (403 device_not_active)", async () => {
    const device = await onboardWithDevice();
    await caller.call("PATCH", `/mobileid/core/users/${device.userId}/devices/${device.deviceId}`, { body: { state: "LOCKED" } });
    const res = await signedAppCall(server, device, device.deviceId, "GET", `/devices/${device.deviceId}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("device_not_active");
  });
});
