// The presenter view's API on a real database, with the emulator over real HTTP: brand profiles,
// the story's three flows in the Demo environment, and a reset that touches nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { decryptSecret } from "@/lib/crypto/encryption-key";
import { DEMO_ACCOUNT_ID, DEMO_CLIENT_ID } from "@/lib/demo/environment";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { callerFor, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as brands from "./brands/route";
import * as brand from "./brands/[id]/route";
import * as reset from "./reset/route";
import * as flows from "./flows/route";
import * as flow from "./flows/[id]/route";
import * as proofing from "./flows/[id]/proofing/route";
import * as onboarding from "../flows/onboarding/route";

let server: EmulatorServer;
let presenter: StaffSession;

const b64 = (text: string) => Buffer.from(text).toString("base64");

async function getDemoFlow(id: string) {
  await db.flow.update({ where: { id }, data: { nextCheckAt: new Date(0) } }); // the watcher's next check is due now
  return json(await flow.GET(await apiRequest(`/api/demo/flows/${id}`, { staff: presenter }), routeParams({ id })));
}

async function demoSimulator(): Promise<EmulatorCaller> {
  const env = await db.environment.findFirstOrThrow({ where: { accountId: DEMO_ACCOUNT_ID } });
  return callerFor(server, DEMO_ACCOUNT_ID, DEMO_CLIENT_ID, decryptSecret(env.clientSecretEnc));
}

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  presenter = await staffWithRole("demo");
});
afterAll(() => server.close());

describe("brand profiles", () => {
  it("saves a brand with a sanitised SVG logo and lists it for everyone who presents", async () => {
    const logo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4" fill="#c00"/></svg>`;
    const created = await json(
      await brands.POST(await apiRequest("/api/demo/brands", { staff: presenter, json: { name: "Acme Bank", color: "#C00000", logo: { type: "image/svg+xml", base64: b64(logo) } } })),
    );
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: "Acme Bank", color: "#c00000" });
    const stored = Buffer.from(created.body.data.logoDataUrl.split(",")[1], "base64").toString();
    expect(stored).toBe(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#c00"/></svg>`);
    const tester = await staffWithRole("tester");
    const listed = await json(await brands.GET(await apiRequest("/api/demo/brands", { staff: tester })));
    expect(listed.body.data.map((b: { name: string }) => b.name)).toContain("Acme Bank");
  });

  it("refuses a bad logo, a bad colour and a taken name field by field, and saves nothing", async () => {
    const before = await db.demoBrand.count();
    const badLogo = await json(await brands.POST(await apiRequest("/x", { staff: presenter, json: { name: "Fake PNG", color: "#000000", logo: { type: "image/png", base64: b64("<svg/>") } } })));
    expect(badLogo.status).toBe(400);
    expect(badLogo.body.error.fields).toEqual({ logo: "This file is not a PNG image." });
    const badColour = await json(await brands.POST(await apiRequest("/x", { staff: presenter, json: { name: "Red", color: "red" } })));
    expect(badColour.body.error.fields.color).toMatch(/six hex digits/);
    const taken = await json(await brands.POST(await apiRequest("/x", { staff: presenter, json: { name: "Acme Bank", color: "#000000" } })));
    expect(taken.body.error.fields).toEqual({ name: "A brand with this name exists: pick it from the list." });
    expect(await db.demoBrand.count()).toBe(before);
  });

  it("removes a brand once; a second time it is not found", async () => {
    const made = await json(await brands.POST(await apiRequest("/x", { staff: presenter, json: { name: "Short-lived", color: "#123456" } })));
    const id = made.body.data.id;
    expect((await brand.DELETE(await apiRequest(`/api/demo/brands/${id}`, { method: "DELETE", staff: presenter }), routeParams({ id }))).status).toBe(200);
    expect((await brand.DELETE(await apiRequest(`/api/demo/brands/${id}`, { method: "DELETE", staff: presenter }), routeParams({ id }))).status).toBe(404);
  });
});

describe("the demo story", () => {
  let onboardingId: string;

  it("onboards in the Demo environment; the phone activates and proves; the identity lands on the user", async () => {
    const started = await json(await flows.POST(await apiRequest("/api/demo/flows", { staff: presenter, json: { step: "onboarding" } })));
    expect(started.status).toBe(201);
    onboardingId = started.body.data.id;
    const pending = (await getDemoFlow(onboardingId)).body.data;
    expect(pending).toMatchObject({ type: "onboarding", status: "Pending", environment: { name: "Demo", kind: "embedded", accountId: DEMO_ACCOUNT_ID } });
    expect(pending.activationCode).toMatch(/^\d{10}$/);

    const phone = await demoSimulator();
    expect((await phone.call("POST", "/simulator/activations", { body: { activationCode: pending.activationCode } })).status).toBe(200);
    await phone.call("POST", `/simulator/proofings/${pending.processId}`, { body: { outcome: "accepted", persona: "jane-smith" } });
    const done = (await getDemoFlow(onboardingId)).body.data;
    expect(done.status).toBe("Completed");
    expect(done.result.userData).toMatchObject({ firstName: "JANE", lastName: "SMITH", dateOfBirth: "1990-01-01" });
    const record = await json(await proofing.GET(await apiRequest("/x", { staff: presenter }), routeParams({ id: onboardingId })));
    expect(record.body.data.process.providerSpecific.ocr.securityChecks.notUnderage).toEqual({ valid: true });
  });

  it("refuses a step-up of an onboarding that has not completed, with the reason", async () => {
    const other = (await json(await flows.POST(await apiRequest("/x", { staff: presenter, json: { step: "onboarding" } })))).body.data.id;
    const refused = await json(await flows.POST(await apiRequest("/x", { staff: presenter, json: { step: "stepup", after: other } })));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("onboarding_not_completed");
  });

  it("signs in to the customer's brand by reusing the identity: the phone sees the text, the bank gets the attributes", async () => {
    const acme = (await db.demoBrand.findFirstOrThrow({ where: { name: "Acme Bank" } })).id;
    const started = await json(await flows.POST(await apiRequest("/x", { staff: presenter, json: { step: "authentication", after: onboardingId, brandId: acme } })));
    const id = started.body.data.id;
    const pending = (await getDemoFlow(id)).body.data;
    const stored = await db.emuAuthentication.findUniqueOrThrow({ where: { id: pending.transactionId } });
    expect(Buffer.from((stored.preOperationContext as { content: string }).content, "base64").toString()).toBe("Sign in to Acme Bank");
    await (await demoSimulator()).call("POST", `/simulator/authentications/${pending.transactionId}`, { body: { decision: "approve" } });
    const done = (await getDemoFlow(id)).body.data;
    expect(done.status).toBe("Completed");
    expect(done.result.userAttributes).toMatchObject({ firstName: "JANE", lastName: "SMITH", dateOfBirth: "1990-01-01", nationality: "NOR" });
  });

  it("never shows a flow of another environment", async () => {
    const localEnv = await db.environment.findFirstOrThrow({ where: { kind: "embedded", accountId: null } });
    const admin = await staffWithRole("admin");
    const local = (await json(await onboarding.POST(await apiRequest("/x", { staff: admin, json: { environmentId: localEnv.id } })))).body.data.id;
    expect((await getDemoFlow(local)).status).toBe(404);
  });
});

describe("reset to baseline", () => {
  it("asks for confirm: true and resets nothing without it", async () => {
    const refused = await json(await reset.POST(await apiRequest("/api/demo/reset", { staff: presenter, json: {} })));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.confirm).toMatch(/confirm: true/);
  });

  it("forgets only the Demo environment, then seeds the personas and finished flows over the past days", async () => {
    const localEnv = await db.environment.findFirstOrThrow({ where: { kind: "embedded", accountId: null } });
    const localFlowsBefore = await db.flow.count({ where: { environmentId: localEnv.id } });
    const localUsersBefore = await db.emuUser.count({ where: { accountId: "emulator-default" } });
    expect(localFlowsBefore).toBeGreaterThan(0);
    const demoEnv = await db.environment.findFirstOrThrow({ where: { accountId: DEMO_ACCOUNT_ID } });
    const storyFlow = await db.flow.findFirstOrThrow({ where: { environmentId: demoEnv.id } });

    const answer = await json(await reset.POST(await apiRequest("/api/demo/reset", { staff: presenter, json: { confirm: true } })));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ flows: 10, completed: 7, failed: 3 });

    expect(await db.flow.findUnique({ where: { id: storyFlow.id } })).toBeNull();
    expect(await db.flow.count({ where: { environmentId: localEnv.id } })).toBe(localFlowsBefore);
    expect(await db.emuUser.count({ where: { accountId: "emulator-default" } })).toBe(localUsersBefore);
    // The personas are users of the Demo account, each with a device; the flows are spread over six days.
    expect(await db.emuUser.count({ where: { accountId: DEMO_ACCOUNT_ID } })).toBe(7);
    const seeded = await db.flow.findMany({ where: { environmentId: demoEnv.id }, select: { createdAt: true, status: true, type: true } });
    const days = new Set(seeded.map((f) => f.createdAt.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(5);
    expect(seeded.every((f) => f.createdAt.getTime() < Date.now() - 20 * 3_600_000)).toBe(true);
    expect(new Set(seeded.map((f) => f.type))).toEqual(new Set(["onboarding", "stepup", "authentication"]));
    const names = await db.endUser.findMany({ where: { environmentId: demoEnv.id }, select: { firstName: true } });
    expect(names.map((n) => n.firstName)).toContain("JANE");

    const again = await json(await reset.POST(await apiRequest("/api/demo/reset", { staff: presenter, json: { confirm: true } })));
    expect(again.body.data.flows).toBe(10);
    expect(await db.flow.count({ where: { environmentId: demoEnv.id } })).toBe(10);
  }, 60_000);
});
