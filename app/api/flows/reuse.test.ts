// Step-up and MobileID authentication through the console's route handlers, with the
// emulator over real HTTP playing Signicat and its simulator playing the phone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { callerFor, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as onboarding from "./onboarding/route";
import * as stepup from "./stepup/route";
import * as authentication from "./authentication/route";
import * as one from "./[id]/route";
import * as users from "../users/route";

let server: EmulatorServer;
let simulator: EmulatorCaller;
let tester: StaffSession;
let environmentId: string;
let user: { userId: string; deviceId: string };

async function getFlow(id: string) {
  await db.flow.update({ where: { id }, data: { nextCheckAt: new Date(0) } }); // the watcher's next check is due now
  return (await json(await one.GET(await apiRequest(`/api/flows/${id}`, { staff: tester }), routeParams({ id })))).body.data;
}

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  environmentId = (await db.environment.findFirstOrThrow({ where: { kind: "embedded" } })).id;
  simulator = await callerFor(server, "emulator-default", "emulator-client", "emulator-secret");
  tester = await staffWithRole("tester");
  // An onboarded user to reuse.
  const started = await json(await onboarding.POST(await apiRequest("/x", { json: { environmentId, externalRef: "reuse-1" }, staff: tester })));
  const flow = await getFlow(started.body.data.id);
  const activation = await simulator.call("POST", "/simulator/activations", { body: { activationCode: flow.activationCode } });
  await simulator.call("POST", `/simulator/proofings/${flow.processId}`, { body: { outcome: "accepted", persona: "jane-smith" } });
  expect((await getFlow(flow.id)).status).toBe("Completed");
  user = { userId: activation.body.userId, deviceId: activation.body.deviceId };
});
afterAll(() => server.close());

async function approve(flowId: string, decision: "approve" | "reject") {
  const flow = await getFlow(flowId);
  const authenticationId = flow.type === "authentication" ? flow.transactionId : flow.result.authenticationId;
  const answer = await simulator.call("POST", `/simulator/authentications/${authenticationId}`, { body: { decision } });
  expect(answer.status).toBe(200);
  return flow;
}

describe("reusing an identity through the console API", () => {
  it("finds the onboarded user by externalRef, by userId and by name", async () => {
    for (const q of ["reuse-1", user.userId, "jane smith"]) {
      const found = (await json(await users.GET(await apiRequest(`/api/users?environmentId=${environmentId}&q=${encodeURIComponent(q)}`, { staff: tester })))).body.data;
      const ids = [found.exact?.userId, ...found.items.map((u: { userId: string }) => u.userId)];
      expect(ids, q).toContain(user.userId);
    }
  });

  it("steps the user up and shows what changed", async () => {
    const started = await json(await stepup.POST(await apiRequest("/x", { json: { environmentId, ...user, bodyShape: "quickstart" }, staff: tester })));
    expect(started.status).toBe(201);
    let flow = await approve(started.body.data.id, "approve");
    expect(flow.input.body).toEqual({ input: { userId: user.userId, deviceId: user.deviceId } });
    expect(flow.result.attributesBefore).toMatchObject({ firstName: "JANE", lastName: "SMITH" });
    flow = await getFlow(flow.id);
    expect(flow.events.map((e: { name: string }) => e.name)).toContain("device_approved");
    // The same person with a renewed passport: a step-up re-verifies JANE SMITH, and records her new document.
    const renewed = { firstName: "JANE", lastName: "SMITH", dateOfBirth: "1990-01-01", gender: "F", nationality: "NOR", documentNumber: "FH9911223", dateOfExpiry: "2036-05-01" };
    await simulator.call("POST", `/simulator/proofings/${flow.processId}`, { body: { outcome: "accepted", identity: renewed } });
    flow = await getFlow(flow.id);
    expect(flow.status).toBe("Completed");
    expect(flow.result.attributesAfter).toMatchObject({ lastName: "SMITH", documentNumber: "FH9911223", dateOfExpiry: "2036-05-01" });
    expect(flow.result.attributesBefore).toMatchObject({ documentNumber: "FH8204371" });
    expect(flow.events.filter((e: { kind: string }) => e.kind === "step").map((e: { name: string }) => e.name)).toEqual([
      "stepup_started",
      "device_approved",
      "proofing_started",
      "proofing_finished",
      "completed",
    ]);
  });

  it("fails a step-up that proofs another person, and the user keeps their identity", async () => {
    const started = await json(await stepup.POST(await apiRequest("/x", { json: { environmentId, ...user }, staff: tester })));
    let flow = await approve(started.body.data.id, "approve");
    await simulator.call("POST", `/simulator/proofings/${flow.processId}`, { body: { outcome: "accepted", persona: "joao-santos" } });
    flow = await getFlow(flow.id);
    expect(flow).toMatchObject({ status: "Failed", errorCode: "identity_mismatch" });
    expect(flow.errorMessage).toMatch(/another person \(JOÃO PEDRO FERREIRA SANTOS, born 1984-03-22\) than the user \(JANE SMITH/);
    expect(flow.result.attributesAfter).toBeUndefined();
  });

  it("fails a step-up whose authentication the device rejects", async () => {
    const started = await json(await stepup.POST(await apiRequest("/x", { json: { environmentId, ...user }, staff: tester })));
    await approve(started.body.data.id, "reject");
    const flow = await getFlow(started.body.data.id);
    expect(flow).toMatchObject({ status: "Failed", errorCode: "authentication_rejected" });
  });

  it("refuses a step-up for an unknown user with the API's exact error", async () => {
    const result = await json(await stepup.POST(await apiRequest("/x", { json: { environmentId, userId: "no-such-user", deviceId: "x" }, staff: tester })));
    expect(result.status).toBe(502);
    expect(result.body.error.upstream).toMatchObject({ status: 404, code: "user_entity_does_not_exist" });
  });

  it("authenticates and returns the requested attributes, or fails when rejected", async () => {
    const body = { environmentId, ...user, preOperationContext: "Sign in to Example Bank", requestedUserAttributes: ["firstName", "nationality"] };
    const started = await json(await authentication.POST(await apiRequest("/x", { json: body, staff: tester })));
    expect(started.status).toBe(201);
    const pending = await approve(started.body.data.id, "approve");
    expect(pending.input.body.preOperationContext).toEqual({ content: Buffer.from("Sign in to Example Bank").toString("base64"), mimeType: "text/plain" });
    const done = await getFlow(started.body.data.id);
    expect(done.status).toBe("Completed");
    expect(done.result.userAttributes).toEqual({ firstName: "JANE", nationality: "NOR" });

    const second = await json(await authentication.POST(await apiRequest("/x", { json: body, staff: tester })));
    await approve(second.body.data.id, "reject");
    expect(await getFlow(second.body.data.id)).toMatchObject({ status: "Failed", errorCode: "authentication_rejected" });
  });
});
