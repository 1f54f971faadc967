// A signed device request is used once: the identical bytes again (or the same signature in its
// malleated ECDSA form) are refused within the request's window; honest repeats sign anew and pass.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { activateTestDevice, appUrl, type TestDevice } from "@/lib/testing/emulator-device";

let server: EmulatorServer;
let caller: EmulatorCaller;
let device: TestDevice;

beforeAll(async () => {
  let account;
  ({ server, caller, account } = await startEmulatorWithDefaults());
  const start = await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } });
  device = await activateTestDevice(server, account.applicationId, start.body.data.activationCode);
});
afterAll(() => server.close());

const N = BigInt("0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

async function signedHeaders(method: string, path: string, body: string, timestamp = String(Date.now())) {
  const url = appUrl(server, path);
  const signature = await device.sign(`${method}\n${new URL(url).pathname}\n${timestamp}\n${createHash("sha256").update(body).digest("hex")}`);
  return { url, headers: { "Content-Type": "application/json", "X-Device-Id": device.deviceId, "X-Device-Timestamp": timestamp, "X-Device-Signature": signature } };
}

const send = async (method: string, url: string, headers: Record<string, string>, body?: string) => answer(await fetch(url, { method, headers, body }));

function malleated(signature: string): string {
  const bytes = Buffer.from(signature, "base64url");
  const s = N - BigInt(`0x${bytes.subarray(32).toString("hex")}`);
  return Buffer.concat([bytes.subarray(0, 32), Buffer.from(s.toString(16).padStart(64, "0"), "hex")]).toString("base64url");
}

describe("signed device requests", () => {
  it("refuses the identical signed request a second time", async () => {
    const { url, headers } = await signedHeaders("GET", `/devices/${device.deviceId}`, "");
    expect((await send("GET", url, headers)).status).toBe(200);
    const replay = await send("GET", url, headers);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: "invalid_signature", detail: expect.stringContaining("already used") });
  });

  it("refuses a replayed rename, and the name stays what the first request set", async () => {
    const body = JSON.stringify({ deviceName: "Renamed once" });
    const { url, headers } = await signedHeaders("PATCH", `/devices/${device.deviceId}`, body);
    expect((await send("PATCH", url, headers, body)).status).toBe(200);
    await device.call("PATCH", `/devices/${device.deviceId}`, { deviceName: "Renamed twice" });
    expect((await send("PATCH", url, headers, body)).status).toBe(401);
    expect((await device.call("GET", `/devices/${device.deviceId}`)).body.device.deviceName).toBe("Renamed twice");
  });

  it("treats the malleated signature (r, n−s), which verifies too, as the same request", async () => {
    const { url, headers } = await signedHeaders("GET", `/devices/${device.deviceId}`, "");
    const twin = { ...headers, "X-Device-Signature": malleated(headers["X-Device-Signature"]) };
    expect((await send("GET", url, twin)).status).toBe(200); // the twin alone is a valid signature
    expect((await send("GET", url, headers)).status).toBe(401);
  });

  it("lets two honest requests with the same timestamp through: each has its own signature", async () => {
    const timestamp = String(Date.now());
    const first = await signedHeaders("GET", `/devices/${device.deviceId}`, "", timestamp);
    const second = await signedHeaders("GET", `/devices/${device.deviceId}`, "", timestamp);
    expect((await send("GET", first.url, first.headers)).status).toBe(200);
    expect((await send("GET", second.url, second.headers)).status).toBe(200);
  });
});
