import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { otherAccountCaller, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const start = (body: unknown) => caller.call("POST", "/reuseid/id-onboardings", { body });

async function startFlow(body: unknown = { input: {} }) {
  const res = await start(body);
  expect(res.status).toBe(200);
  return res.body.data as { transactionId: string; userId: string; activationCode: string; dossierId: string; processId: string; status: string };
}

describe("start onboarding", () => {
  it.each([
    ["quick-start shape", { externalRef: "qs-1", input: { eidProviderOptions: { docTypes: [138, 147], defaultId: 138 } } }],
    ["minimal quick-start shape", { input: {} }],
    ["2024 shape", { externalRef: "y24-1", eidProviderOptions: { docTypes: [191], defaultId: 191 } }],
    ["current shape", { externalRef: "cur-1", provider: "videoid", videoidProviderOptions: { docTypes: [138, 191], defaultId: 191 } }],
    ["signicatvideoid provider", { provider: "signicatvideoid" }],
    ["empty body", ""],
  ])("accepts the %s", async (_name, body) => {
    const res = await start(body);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-trace-id")).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(res.body.data).sort()).toEqual(["activationCode", "dossierId", "processId", "status", "transactionId", "userId"]);
    expect(res.body.data.status).toBe("Pending");
    expect(res.body.data.activationCode).toMatch(/^\d{10}$/);
  });

  it("normalises the three shapes to the same stored options", async () => {
    const shapes = [
      { input: { eidProviderOptions: { docTypes: [138, 147], defaultId: 147 } } },
      { eidProviderOptions: { docTypes: [138, 147], defaultId: 147 } },
      { videoidProviderOptions: { docTypes: [138, 147], defaultId: 147 } },
    ];
    for (const body of shapes) {
      const data = await startFlow(body);
      const flow = await db.emuReuseFlow.findUniqueOrThrow({ where: { id: data.transactionId } });
      expect([flow.provider, flow.docTypes, flow.defaultId]).toEqual(["videoid", [138, 147], 147]);
    }
  });

  it("reads back the same pending data", async () => {
    const data = await startFlow({ externalRef: "read-back" });
    const res = await caller.call("GET", `/reuseid/id-onboardings/${data.transactionId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(data);
  });

  it("refuses defaultId outside docTypes, per field", async () => {
    const res = await start({ videoidProviderOptions: { docTypes: [138, 147], defaultId: 191 } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "invalid_request_parameter", status: 400 });
    expect(res.body.invalidParams).toEqual([{ name: "videoidProviderOptions.defaultId", reason: expect.stringContaining("docTypes") }]);
    expect(res.body.traceId).toBe(res.headers.get("x-trace-id"));
    const quick = await start({ input: { eidProviderOptions: { docTypes: [138], defaultId: 147 } } });
    expect(quick.body.invalidParams[0].name).toBe("input.eidProviderOptions.defaultId");
  });

  it("reports every failing field", async () => {
    const res = await start({ externalRef: "", provider: "bankid", videoidProviderOptions: { docTypes: [138, "x", 1.5], defaultId: "138" } });
    expect(res.status).toBe(400);
    const names = (res.body.invalidParams as { name: string }[]).map((p) => p.name).sort();
    expect(names).toEqual(["externalRef", "provider", "videoidProviderOptions.defaultId", "videoidProviderOptions.docTypes[1]", "videoidProviderOptions.docTypes[2]"]);
  });

  it("refuses malformed JSON with invalid_request_parameter", async () => {
    const res = await start("{not json");
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("invalid_request_parameter");
    expect(res.body.invalidParams).toEqual([{ name: "body", reason: expect.any(String) }]);
  });

  it("creates a fresh 10-digit code every time", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) codes.add((await startFlow()).activationCode);
    expect(codes.size).toBe(5);
  });
});

describe("onboarding to the end through the simulator", () => {
  it("completes with userData, device, proofing and user attributes", async () => {
    const data = await startFlow({ externalRef: "customer-42", videoidProviderOptions: { docTypes: [138, 147], defaultId: 138 } });
    const activation = await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode, deviceName: "Test phone" } });
    expect(activation.status).toBe(200);
    expect(activation.body).toEqual({ userId: data.userId, deviceId: expect.any(String) });

    const pending = await caller.call("GET", `/reuseid/id-onboardings/${data.transactionId}`);
    expect(pending.body.data.status).toBe("Pending");

    const proofing = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted" } });
    expect(proofing.status).toBe(200);
    expect(proofing.body).toMatchObject({ processId: data.processId, status: "accepted", flowStatus: "Completed", failReason: null });

    const done = await caller.call("GET", `/reuseid/id-onboardings/${data.transactionId}`);
    expect(done.body.data).toEqual({
      ...data,
      status: "Completed",
      deviceId: activation.body.deviceId,
      proofingId: expect.any(String),
      userData: { firstName: "JANE", lastName: "SMITH", dateOfBirth: "1990-01-01", gender: "F", nationality: "NOR" },
    });

    const user = await caller.call("GET", `/mobileid/core/users/${data.userId}`);
    expect(user.status).toBe(200);
    expect(user.body).toMatchObject({ userId: data.userId, externalRef: "customer-42", state: "ACTIVE" });
    expect(user.body.attributes).toMatchObject({ firstName: "JANE", lastName: "SMITH", documentType: "passport", issuingCountry: "NOR", documentNumber: expect.any(String) });

    const byRef = await caller.call("GET", "/mobileid/core/users?externalRef=customer-42");
    expect(byRef.body.userId).toBe(data.userId);

    const devices = await caller.call("GET", `/mobileid/core/users/${data.userId}/devices`);
    expect(devices.body).toEqual([
      expect.objectContaining({ deviceId: activation.body.deviceId, deviceName: "Test phone", state: "ACTIVE", platform: "WEB", deviceHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    const device = await caller.call("GET", `/mobileid/core/users/${data.userId}/devices/${activation.body.deviceId}?detailed=true`);
    expect(device.body.deviceDetails).toEqual({ lockReason: null });

    const proofings = await caller.call("GET", `/mobileid/core/users/${data.userId}/proofings`);
    expect(proofings.body).toEqual([
      { proofingId: done.body.data.proofingId, dossierId: data.dossierId, processId: data.processId, provider: "signicatvideoid", status: "accepted", createdAt: expect.any(String) },
    ]);
  });

  it("ends Failed with proofing_rejected when the proofing is rejected", async () => {
    const data = await startFlow();
    await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
    const res = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "rejected" } });
    expect(res.body).toMatchObject({ status: "rejected", flowStatus: "Failed" });
    const flow = await caller.call("GET", `/reuseid/id-onboardings/${data.transactionId}`);
    expect(flow.body.data.status).toBe("Failed");
    expect(flow.body.data.error).toEqual({ code: "proofing_rejected", message: expect.stringMatching(/rejected/) });
    expect(flow.body.data.userData).toBeUndefined();
  });

  it.each([
    ["failed", "Failed", "proofing_failed"],
    ["inconclusive", "Failed", "proofing_inconclusive"],
    ["canceled", "Cancelled", "user_cancelled"],
  ])("maps outcome %s to flow %s with %s", async (outcome, flowStatus, code) => {
    const data = await startFlow();
    await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
    await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome } });
    const flow = await caller.call("GET", `/reuseid/id-onboardings/${data.transactionId}`);
    expect(flow.body.data).toMatchObject({ status: flowStatus, error: { code } });
  });

  it("rejects an accepted proofing of an under-age persona on its security check", async () => {
    const data = await startFlow();
    await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
    const res = await caller.call("POST", `/simulator/proofings/${data.processId}`, {
      body: {
        outcome: "accepted",
        identity: {
          firstName: "Tim",
          lastName: "Young",
          dateOfBirth: new Date().toISOString().slice(0, 4) + "-01-01",
          gender: "M",
          nationality: "NOR",
          documentNumber: "AB123",
          dateOfExpiry: "2099-01-01",
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("rejected");
    expect(res.body.failReason).toEqual({ type: "security_check", message: expect.stringContaining("notUnderage") });
    expect(res.body.securityChecks.notUnderage).toEqual({ valid: false });
    expect(res.body.flowStatus).toBe("Failed");
  });

  it("refuses a proofing before activation, and one answered twice, with 409", async () => {
    const data = await startFlow();
    const early = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted" } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("conflict");
    await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
    expect((await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted" } })).status).toBe(200);
    const twice = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "rejected" } });
    expect(twice.status).toBe(409);
  });

  it("refuses an activation code used twice", async () => {
    const data = await startFlow();
    expect((await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } })).status).toBe(200);
    const again = await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe("not_found");
  });

  it("refuses a docType outside the flow's docTypes and an unknown persona", async () => {
    const data = await startFlow({ videoidProviderOptions: { docTypes: [138] } });
    await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
    const doc = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted", docType: 191 } });
    expect(doc.status).toBe(400);
    expect(doc.body.invalidParams).toEqual([{ name: "docType", reason: expect.any(String) }]);
    const persona = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted", persona: "nobody" } });
    expect(persona.status).toBe(400);
    expect(persona.body.invalidParams[0].name).toBe("persona");
  });
});

describe("expiry", () => {
  it("expires an activation code 10 minutes after the start", async () => {
    const data = await startFlow();
    await db.emuRegistration.updateMany({ where: { activationCode: data.activationCode }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await caller.call("GET", `/reuseid/id-onboardings/${data.transactionId}`);
    expect(res.body.data).toMatchObject({ status: "Expired", error: { code: "activation_expired", message: expect.any(String) } });
    const activation = await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
    expect(activation.status).toBe(422);
    const registration = await db.emuRegistration.findUniqueOrThrow({ where: { activationCode: data.activationCode } });
    expect(registration.state).toBe("EXPIRED");
  });

  it("expires a proofing 30 minutes after the activation", async () => {
    const data = await startFlow();
    await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
    await db.emuProcess.update({ where: { id: data.processId }, data: { startedAt: new Date(Date.now() - 31 * 60_000), expiresAt: new Date(Date.now() - 60_000) } });
    const proofing = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted" } });
    expect(proofing.status).toBe(422);
    const res = await caller.call("GET", `/reuseid/id-onboardings/${data.transactionId}`);
    expect(res.body.data).toMatchObject({ status: "Expired", error: { code: "proofing_expired" } });
  });
});

describe("accounts are isolated", () => {
  it("hides one account's flows, users and processes from another", async () => {
    const data = await startFlow({ externalRef: "isolated" });
    const other = await otherAccountCaller(server);
    expect((await other.call("GET", `/reuseid/id-onboardings/${data.transactionId}`)).status).toBe(404);
    const user = await other.call("GET", `/mobileid/core/users/${data.userId}`);
    expect(user.status).toBe(404);
    expect(user.body.code).toBe("user_entity_does_not_exist");
    expect((await other.call("GET", "/mobileid/core/users?externalRef=isolated")).status).toBe(404);
    expect((await other.call("GET", `/assure/dossiers/${data.dossierId}/processes/${data.processId}`)).status).toBe(404);
    expect((await other.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } })).status).toBe(404);
    expect((await other.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted" } })).status).toBe(404);
    // and the owner still can
    expect((await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } })).status).toBe(200);
  });
});

describe("users", () => {
  it("answers an unknown user with user_entity_does_not_exist", async () => {
    const res = await caller.call("GET", "/mobileid/core/users/00000000-0000-0000-0000-000000000000/devices");
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: "user_entity_does_not_exist",
      status: 404,
      detail: "No user with ID 00000000-0000-0000-0000-000000000000 exists for account emulator-default.",
    });
  });

  it("needs externalRef to resolve a user", async () => {
    const res = await caller.call("GET", "/mobileid/core/users");
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([{ name: "externalRef", reason: expect.any(String) }]);
  });
});

describe("simulator reset", () => {
  it("forgets the caller's account data and leaves other accounts alone", async () => {
    const other = await otherAccountCaller(server, "reset-neighbour");
    const theirs = (await other.call("POST", "/reuseid/id-onboardings", { body: { input: {} } })).body.data;
    const mine = await startFlow({ externalRef: "to-forget" });
    const reset = await caller.call("POST", "/simulator/reset");
    expect(reset.status).toBe(204);
    expect(reset.headers.get("x-trace-id")).toMatch(/^[0-9a-f]{32}$/);
    expect((await caller.call("GET", `/reuseid/id-onboardings/${mine.transactionId}`)).status).toBe(404);
    expect((await caller.call("GET", `/mobileid/core/users/${mine.userId}`)).status).toBe(404);
    expect((await caller.call("GET", `/assure/dossiers/${mine.dossierId}`)).status).toBe(404);
    expect((await other.call("GET", `/reuseid/id-onboardings/${theirs.transactionId}`)).status).toBe(200);
    expect((await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } })).status).toBe(200);
  });
});
