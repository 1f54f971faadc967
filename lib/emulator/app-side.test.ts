import { createHash, webcrypto } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/data/db";
import { answer, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import type { ActivationResponse, AppConfiguration, DeviceJwk, DeviceResponse } from "./app-protocol";

let server: EmulatorServer;
let caller: EmulatorCaller;
let applicationId: string;

beforeAll(async () => {
  const started = await startEmulatorWithDefaults();
  ({ server, caller } = started);
  applicationId = started.account.applicationId;
});
afterAll(() => server.close());

const subtle = webcrypto.subtle;

/** A virtual app's device key, made the way the browser makes it. */
async function deviceKey() {
  const pair = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  const { kty, crv, x, y } = await subtle.exportKey("jwk", pair.publicKey);
  const publicKey = { kty, crv, x, y } as DeviceJwk;
  const sign = async (text: string) => Buffer.from(await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, new TextEncoder().encode(text))).toString("base64url");
  return { publicKey, sign };
}

type Device = Awaited<ReturnType<typeof deviceKey>>;

const app = (path: string) => `${server.baseUrl}/encore/encap${path}`;

async function signedFetch(device: Device, deviceId: string, method: string, path: string, body?: unknown, timestamp = Date.now()) {
  const text = body === undefined ? "" : JSON.stringify(body);
  const pathname = new URL(app(path)).pathname;
  const bodyHash = createHash("sha256").update(text).digest("hex");
  const signature = await device.sign(`${method}\n${pathname}\n${timestamp}\n${bodyHash}`);
  return answer(
    await fetch(app(path), {
      method,
      headers: { "Content-Type": "application/json", "X-Device-Id": deviceId, "X-Device-Timestamp": String(timestamp), "X-Device-Signature": signature },
      body: body === undefined ? undefined : text,
    }),
  );
}

async function startFlow(body: unknown = { videoidProviderOptions: { docTypes: [138, 191], defaultId: 138 } }) {
  const res = await caller.call("POST", "/reuseid/id-onboardings", { body });
  return res.body.data as { transactionId: string; userId: string; activationCode: string; dossierId: string; processId: string };
}

async function activate(device: Device, activationCode: string, signature?: string) {
  return answer<ActivationResponse>(
    await fetch(app("/activations"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        applicationId,
        activationCode,
        deviceName: "Browser phone",
        platform: "WEB",
        appVersion: "1.0.0",
        publicKey: device.publicKey,
        signature: signature ?? (await device.sign(`activate:${activationCode}`)),
      }),
    }),
  );
}

describe("configuration", () => {
  it("gives the default account's app configuration for this origin, honouring forwarded headers only under TRUST_PROXY", async () => {
    const res = await answer<AppConfiguration>(await fetch(app("/configuration")));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ applicationId, publicKey: expect.any(String), serverUrl: `${server.origin}/emulator/encore/encap` });
    const forwarded = { headers: { "X-Forwarded-Host": "console.example.org", "X-Forwarded-Proto": "https" } };
    expect((await answer<AppConfiguration>(await fetch(app("/configuration"), forwarded))).body.serverUrl).toBe(`${server.origin}/emulator/encore/encap`);
    vi.stubEnv("TRUST_PROXY", "1");
    const proxied = await answer<AppConfiguration>(await fetch(app("/configuration"), forwarded));
    vi.unstubAllEnvs();
    expect(proxied.body.serverUrl).toBe("https://console.example.org/emulator/encore/encap");
  });

  it("checks an applicationId", async () => {
    const res = await answer(await fetch(app(`/configuration?applicationId=${applicationId}`)));
    expect(res.body).toEqual({ applicationId, accountName: "Local emulator", serverTime: expect.any(String) });
    const unknown = await answer(await fetch(app("/configuration?applicationId=nope")));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("not_found");
  });
});

describe("activation and proofing from the virtual app", () => {
  it("activates with a WebCrypto key, lists the pending proofing, and finishes it signed", async () => {
    const flow = await startFlow();
    const device = await deviceKey();
    const activation = await activate(device, flow.activationCode);
    expect(activation.status).toBe(200);
    expect(activation.body).toMatchObject({ userId: flow.userId, deviceName: "Browser phone" });
    expect(activation.body.operations).toEqual([
      expect.objectContaining({ type: "proofing", transactionId: flow.transactionId, flow: "onboarding", processId: flow.processId, dossierId: flow.dossierId, provider: "videoid", defaultId: 138 }),
    ]);
    const operation = activation.body.operations[0];
    if (operation.type !== "proofing") throw new Error("expected a proofing");
    expect(operation.documentTypes.map((d) => d.id)).toEqual([138, 191]);
    const { deviceId } = activation.body;

    const stored = await db.emuDevice.findUniqueOrThrow({ where: { id: deviceId } });
    expect(stored.platform).toBe("WEB");
    expect(stored.deviceHash).toMatch(/^[0-9a-f]{64}$/);
    const registration = await db.emuRegistration.findUniqueOrThrow({ where: { activationCode: flow.activationCode } });
    expect(registration.state).toBe("COMPLETED");
    const process = await db.emuProcess.findUniqueOrThrow({ where: { id: flow.processId } });
    expect(process.startedAt).not.toBeNull();

    const state = await signedFetch(device, deviceId, "GET", `/devices/${deviceId}`);
    expect(state.status).toBe(200);
    expect((state.body as DeviceResponse).device).toMatchObject({ deviceId, userId: flow.userId, state: "ACTIVE", platform: "WEB" });
    expect((state.body as DeviceResponse).operations).toHaveLength(1);

    const proofing = await signedFetch(device, deviceId, "POST", `/proofings/${flow.processId}`, {
      outcome: "accepted",
      docType: 191,
      identity: { firstName: "Erika", lastName: "Mustermann", dateOfBirth: "1964-08-12", gender: "F", nationality: "DEU", documentNumber: "L01X00T47", dateOfExpiry: "2099-12-31" },
    });
    expect(proofing.status).toBe(200);
    expect(proofing.body).toMatchObject({ processId: flow.processId, status: "accepted", flowStatus: "Completed", failReason: null });
    expect(proofing.body.securityChecks.nonExpired).toEqual({ valid: true });

    const onboarding = await caller.call("GET", `/reuseid/id-onboardings/${flow.transactionId}`);
    expect(onboarding.body.data).toMatchObject({
      status: "Completed",
      deviceId,
      userData: { firstName: "ERIKA", lastName: "MUSTERMANN", dateOfBirth: "1964-08-12", gender: "F", nationality: "DEU" },
    });
    const user = await caller.call("GET", `/mobileid/core/users/${flow.userId}`);
    expect(user.body.attributes).toMatchObject({ documentType: "identityCard", issuingCountry: "DEU", documentNumber: "L01X00T47" });

    const after = await signedFetch(device, deviceId, "GET", `/devices/${deviceId}`);
    expect((after.body as DeviceResponse).operations).toEqual([]);
    const twice = await signedFetch(device, deviceId, "POST", `/proofings/${flow.processId}`, { outcome: "accepted", docType: 191, persona: "jane-smith" });
    expect(twice.status).toBe(409);
  });

  it("refuses a wrong activation signature with 401 invalid_signature and keeps the code usable", async () => {
    const flow = await startFlow();
    const device = await deviceKey();
    const other = await deviceKey();
    const wrong = await activate(device, flow.activationCode, await other.sign(`activate:${flow.activationCode}`));
    expect(wrong.status).toBe(401);
    expect(wrong.body as unknown).toMatchObject({ code: "invalid_signature", status: 401 });
    expect((await activate(device, flow.activationCode)).status).toBe(200);
    const reused = await activate(await deviceKey(), flow.activationCode);
    expect(reused.status).toBe(404);
  });

  it("refuses malformed activation fields per field", async () => {
    const res = await answer(
      await fetch(app("/activations"), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ applicationId, activationCode: "12", deviceName: "", platform: "IOS", appVersion: "1", publicKey: { kty: "RSA" }, signature: "!" }),
      }),
    );
    expect(res.status).toBe(400);
    const names = (res.body.invalidParams as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["activationCode", "deviceName", "platform", "signature"]));
    expect(names.some((n) => n.startsWith("publicKey"))).toBe(true);
  });

  it("refuses unsigned, badly signed, stale and foreign-device requests", async () => {
    const flow = await startFlow();
    const device = await deviceKey();
    const { body } = await activate(device, flow.activationCode);
    const unsigned = await answer(await fetch(app(`/devices/${body.deviceId}`)));
    expect([unsigned.status, unsigned.body.code]).toEqual([401, "invalid_signature"]);
    const impostor = await deviceKey();
    expect((await signedFetch(impostor, body.deviceId, "GET", `/devices/${body.deviceId}`)).status).toBe(401);
    expect((await signedFetch(device, body.deviceId, "GET", `/devices/${body.deviceId}`, undefined, Date.now() - 10 * 60_000)).status).toBe(401);

    // a second device may not finish the first device's proofing
    const secondFlow = await startFlow();
    const second = await deviceKey();
    const secondActivation = await activate(second, secondFlow.activationCode);
    const foreign = await signedFetch(second, secondActivation.body.deviceId, "POST", `/proofings/${flow.processId}`, { outcome: "accepted", docType: 138 });
    expect(foreign.status).toBe(403);

    await db.emuDevice.update({ where: { id: body.deviceId }, data: { state: "LOCKED" } });
    const locked = await signedFetch(device, body.deviceId, "GET", `/devices/${body.deviceId}`);
    expect([locked.status, locked.body.code]).toEqual([403, "device_not_active"]);
  });

  it("refuses an expired code with 422", async () => {
    const flow = await startFlow();
    await db.emuRegistration.updateMany({ where: { activationCode: flow.activationCode }, data: { expiresAt: new Date(Date.now() - 1) } });
    const res = await activate(await deviceKey(), flow.activationCode);
    expect(res.status).toBe(422);
    expect((res.body as unknown as { code: string }).code).toBe("unprocessable_entity");
  });
});

describe("personas", () => {
  it("lists the personas and draws their images", async () => {
    const res = await answer(await fetch(app("/personas")));
    expect(res.status).toBe(200);
    const jane = res.body.personas.find((p: { id: string }) => p.id === "jane-smith");
    expect(jane).toMatchObject({ firstName: "JANE", lastName: "SMITH", dateOfBirth: "1990-01-01", gender: "F", nationality: "NOR" });
    for (const image of ["front", "selfie"]) {
      const svg = await fetch(app(`/personas/jane-smith/images/${image}`));
      expect(svg.status).toBe(200);
      expect(svg.headers.get("content-type")).toBe("image/svg+xml");
      expect(await svg.text()).toContain("<svg");
    }
    expect((await fetch(app("/personas/nobody/images/front"))).status).toBe(404);
  });

  it("draws the front as the document the app picked: JANE SMITH on a British passport has a UK passport's MRZ", async () => {
    const svg = await (await fetch(app("/personas/jane-smith/images/front?docType=244"))).text();
    expect(svg).toContain("<title>British passport: SMITH, JANE</title>");
    expect(svg).toContain("UNITED KINGDOM");
    expect(svg).toContain("P&lt;GBRSMITH&lt;&lt;JANE");
    expect(svg).not.toContain("P&lt;NOR");
    const bad = await answer(await fetch(app("/personas/jane-smith/images/front?docType=abc")));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "invalid_request_parameter" });
  });
});
