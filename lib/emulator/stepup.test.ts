import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { onboardedUser, otherAccountCaller, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const start = (body: unknown) => caller.call("POST", "/reuseid/id-stepups", { body });
const read = (id: string) => caller.call("GET", `/reuseid/id-stepups/${id}`);

type StepUpData = { transactionId: string; userId: string; deviceId: string; status: string; dossierId: string; processId: string; authenticationId: string };

async function startStepUp(body: (u: { userId: string; deviceId: string }) => unknown = (u) => u) {
  const user = await onboardedUser(caller);
  const res = await start(body(user));
  expect(res.status).toBe(200);
  return { user, data: res.body.data as StepUpData };
}

describe("start step-up", () => {
  it.each([
    ["quick-start shape", (u: { userId: string; deviceId: string }) => ({ input: { ...u, eidProviderOptions: { docTypes: [138, 191], defaultId: 191 } } })],
    ["2024 shape", (u: { userId: string; deviceId: string }) => ({ ...u, eidProviderOptions: { docTypes: [138, 191], defaultId: 191 } })],
    ["current shape", (u: { userId: string; deviceId: string }) => ({ ...u, provider: "videoid", videoidProviderOptions: { docTypes: [138, 191], defaultId: 191 } })],
  ])("accepts the %s and starts an authentication on the device", async (_name, body) => {
    const { user, data } = await startStepUp(body);
    expect(Object.keys(data).sort()).toEqual(["authenticationId", "deviceId", "dossierId", "processId", "status", "transactionId", "userId"]);
    expect(data).toMatchObject({ userId: user.userId, deviceId: user.deviceId, status: "Pending" });
    const flow = await db.emuReuseFlow.findUniqueOrThrow({ where: { id: data.transactionId } });
    expect([flow.kind, flow.provider, flow.docTypes, flow.defaultId]).toEqual(["stepup", "videoid", [138, 191], 191]);
    const auth = await caller.call("GET", `/mobileid/core/users/${user.userId}/devices/${user.deviceId}/authentications/${data.authenticationId}`);
    expect(auth.status).toBe(200);
    expect(auth.body.state).toBe("PENDING");
    const stored = await db.emuAuthentication.findUniqueOrThrow({ where: { id: data.authenticationId } });
    const context = stored.preOperationContext as { content: string; mimeType: string };
    expect(context.mimeType).toBe("application/json");
    expect(JSON.parse(Buffer.from(context.content, "base64").toString())).toEqual({ operation: "stepup", provider: "videoid", processType: "substantial" });
    expect((await read(data.transactionId)).body.data).toEqual(data);
  });

  it("reports missing userId and deviceId per shape", async () => {
    const bare = await start({});
    expect(bare.status).toBe(400);
    expect(bare.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(["deviceId", "userId"]);
    const wrapped = await start({ input: {} });
    expect(wrapped.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(["input.deviceId", "input.userId"]);
    const types = await start({ userId: 5, deviceId: "d", videoidProviderOptions: { docTypes: [138], defaultId: 147 } });
    expect(types.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(["userId"]); // refinements run once the types are right
  });

  it("refuses an unknown user with 404 user_entity_does_not_exist", async () => {
    const res = await start({ userId: "00000000-0000-0000-0000-000000000000", deviceId: "x" });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "user_entity_does_not_exist", status: 404, traceId: res.headers.get("x-trace-id") });
  });

  it("refuses an unknown device, or another user's device, with 404 not_found", async () => {
    const a = await onboardedUser(caller);
    const b = await onboardedUser(caller);
    expect((await start({ userId: a.userId, deviceId: "nope" })).body.code).toBe("not_found");
    const foreign = await start({ userId: a.userId, deviceId: b.deviceId });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe("not_found");
  });

  it("refuses a locked device or a locked user with 422, and creates nothing", async () => {
    const u = await onboardedUser(caller);
    const flowsBefore = await db.emuReuseFlow.count();
    await caller.call("PATCH", `/mobileid/core/users/${u.userId}/devices/${u.deviceId}`, { body: { state: "LOCKED" } });
    const locked = await start(u);
    expect(locked.status).toBe(422);
    expect(locked.body.code).toBe("unprocessable_entity");
    await caller.call("PATCH", `/mobileid/core/users/${u.userId}/devices/${u.deviceId}`, { body: { state: "ACTIVE" } });
    await caller.call("PATCH", `/mobileid/core/users/${u.userId}`, { body: { state: "LOCKED" } });
    expect((await start(u)).status).toBe(422);
    expect(await db.emuReuseFlow.count()).toBe(flowsBefore);
  });

  it("is invisible to another account", async () => {
    const { user, data } = await startStepUp();
    const other = await otherAccountCaller(server);
    expect((await other.call("GET", `/reuseid/id-stepups/${data.transactionId}`)).status).toBe(404);
    const res = await other.call("POST", "/reuseid/id-stepups", { body: user });
    expect(res.body.code).toBe("user_entity_does_not_exist");
    expect((await caller.call("GET", `/reuseid/id-onboardings/${data.transactionId}`)).status).toBe(404);
  });
});

describe("step-up to the end", () => {
  it("approve → proofing → Completed, with the user's attributes updated and a second proofing bound", async () => {
    const { user, data } = await startStepUp();
    const early = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted" } });
    expect(early.status).toBe(409);

    const approved = await caller.call("POST", `/simulator/authentications/${data.authenticationId}`, { body: { decision: "approve" } });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe("COMPLETED");
    expect((await read(data.transactionId)).body.data.status).toBe("Pending");

    // The same person as the onboarding's (JANE SMITH, the default persona): a step-up re-verifies them.
    const proofing = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted", persona: "jane-smith" } });
    expect(proofing.status, proofing.text).toBe(200);
    expect(proofing.body).toMatchObject({ status: "accepted", flowStatus: "Completed" });

    const done = (await read(data.transactionId)).body.data;
    expect(done).toEqual({ ...data, status: "Completed", proofingId: expect.any(String), userData: expect.objectContaining({ firstName: "JANE", lastName: "SMITH", gender: "F" }) });
    const userAfter = await caller.call("GET", `/mobileid/core/users/${user.userId}`);
    expect(userAfter.body.attributes).toMatchObject({ firstName: "JANE", lastName: "SMITH", nationality: "NOR" });
    const proofings = await caller.call("GET", `/mobileid/core/users/${user.userId}/proofings`);
    expect(proofings.body.map((p: { proofingId: string }) => p.proofingId)).toContain(done.proofingId);
    expect(proofings.body).toHaveLength(2);
  });

  it("ends Failed with identity_mismatch when another person's document is proofed, and changes nothing on the user", async () => {
    const { user, data } = await startStepUp();
    const before = (await caller.call("GET", `/mobileid/core/users/${user.userId}`)).body.attributes;
    await caller.call("POST", `/simulator/authentications/${data.authenticationId}`, { body: { decision: "approve" } });
    const proofing = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted", persona: "sam-van-dijk" } });
    expect(proofing.status, proofing.text).toBe(200);
    expect(proofing.body).toMatchObject({ status: "rejected", flowStatus: "Failed", failReason: { type: "identity_mismatch" } });
    expect(proofing.body.failReason.message).toBe(
      "The document belongs to another person (SAM VAN DIJK, born 1996-07-12) than the user (JANE SMITH, born 1990-01-01); the user's identity was left unchanged.",
    );

    const flow = (await read(data.transactionId)).body.data;
    expect(flow).toMatchObject({ status: "Failed", error: { code: "identity_mismatch" } });
    expect(flow.proofingId).toBeUndefined();
    // No mix: every attribute is still the onboarded person's, and no second proofing is bound.
    expect((await caller.call("GET", `/mobileid/core/users/${user.userId}`)).body.attributes).toEqual(before);
    expect((await caller.call("GET", `/mobileid/core/users/${user.userId}/proofings`)).body).toHaveLength(1);
    const process = await caller.call("GET", `/assure/dossiers/${data.dossierId}/processes/${data.processId}`);
    expect(process.body).toMatchObject({ status: "rejected" });
  });

  it("ends Failed with authentication_rejected when the device rejects", async () => {
    const { data } = await startStepUp();
    const rejected = await caller.call("POST", `/simulator/authentications/${data.authenticationId}`, { body: { decision: "reject" } });
    expect(rejected.body.state).toBe("FAILED");
    const flow = (await read(data.transactionId)).body.data;
    expect(flow).toMatchObject({ status: "Failed", error: { code: "authentication_rejected", message: expect.any(String) } });
    const again = await caller.call("POST", `/simulator/authentications/${data.authenticationId}`, { body: { decision: "approve" } });
    expect(again.status).toBe(409);
    expect((await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted" } })).status).toBe(409);
  });

  it("ends Expired with authentication_expired when the authentication is not answered in time", async () => {
    const { data } = await startStepUp();
    await db.emuAuthentication.update({ where: { id: data.authenticationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const flow = (await read(data.transactionId)).body.data;
    expect(flow).toMatchObject({ status: "Expired", error: { code: "authentication_expired" } });
    const answer = await caller.call("POST", `/simulator/authentications/${data.authenticationId}`, { body: { decision: "approve" } });
    expect(answer.status).toBe(422);
    const process = await caller.call("GET", `/assure/dossiers/${data.dossierId}/processes/${data.processId}`);
    expect(process.body).toMatchObject({ status: "failed", failReason: { type: "timeout" } });
  });

  it("ends Expired with proofing_expired when the proofing is not finished in time", async () => {
    const { data } = await startStepUp();
    await caller.call("POST", `/simulator/authentications/${data.authenticationId}`, { body: { decision: "approve" } });
    await db.emuProcess.update({ where: { id: data.processId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await read(data.transactionId)).body.data).toMatchObject({ status: "Expired", error: { code: "proofing_expired" } });
  });

  it("fails with authentication_canceled when the device is locked meanwhile", async () => {
    const { user, data } = await startStepUp();
    await caller.call("PATCH", `/mobileid/core/users/${user.userId}/devices/${user.deviceId}`, { body: { state: "LOCKED", lockReason: "lost" } });
    expect((await read(data.transactionId)).body.data).toMatchObject({ status: "Failed", error: { code: "authentication_canceled" } });
    const auth = await caller.call("GET", `/mobileid/core/users/${user.userId}/devices/${user.deviceId}/authentications/${data.authenticationId}`);
    expect(auth.body.state).toBe("CANCELED");
  });
});
