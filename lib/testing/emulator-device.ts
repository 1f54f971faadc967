/**
 * A virtual app's device for emulator tests: a WebCrypto P-256 key made the way the browser
 * makes it, activation over the app side, and signed app-side calls (app-protocol.ts).
 */
import { createHash, webcrypto } from "node:crypto";
import type { ActivationResponse, DeviceJwk } from "@/lib/emulator/app-protocol";
import { answer, type ApiAnswer, type TestJson } from "./emulator-fixtures";
import type { EmulatorServer } from "./emulator-server";

const subtle = webcrypto.subtle;

export type TestDeviceKey = { publicKey: DeviceJwk; sign(text: string): Promise<string> };

export async function deviceKey(): Promise<TestDeviceKey> {
  const pair = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  const { kty, crv, x, y } = await subtle.exportKey("jwk", pair.publicKey);
  const sign = async (text: string) => Buffer.from(await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, new TextEncoder().encode(text))).toString("base64url");
  return { publicKey: { kty, crv, x, y } as DeviceJwk, sign };
}

export type TestDevice = TestDeviceKey & {
  deviceId: string;
  userId: string;
  /** A call to `{base}/encore/encap{path}` signed by this device. */
  call<T = TestJson>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>;
};

export function appUrl(server: EmulatorServer, path: string): string {
  return `${server.baseUrl}/encore/encap${path}`;
}

export async function signedAppCall<T = TestJson>(server: EmulatorServer, key: TestDeviceKey, deviceId: string, method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  const url = appUrl(server, path);
  const text = body === undefined ? "" : JSON.stringify(body);
  const timestamp = String(Date.now());
  const signature = await key.sign(`${method}\n${new URL(url).pathname}\n${timestamp}\n${createHash("sha256").update(text).digest("hex")}`);
  return answer<T>(
    await fetch(url, {
      method,
      headers: { "Content-Type": "application/json", "X-Device-Id": deviceId, "X-Device-Timestamp": timestamp, "X-Device-Signature": signature },
      body: body === undefined ? undefined : text,
    }),
  );
}

/** Activates a browser-like device with an activation code through the app side. */
export async function activateTestDevice(server: EmulatorServer, applicationId: string, activationCode: string, deviceName = "Browser phone"): Promise<TestDevice> {
  const key = await deviceKey();
  const res = await answer<ActivationResponse>(
    await fetch(appUrl(server, "/activations"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ applicationId, activationCode, deviceName, platform: "WEB", appVersion: "1.0.0", publicKey: key.publicKey, signature: await key.sign(`activate:${activationCode}`) }),
    }),
  );
  if (res.status !== 200) throw new Error(`activation failed: ${res.status} ${res.text}`);
  const { deviceId, userId } = res.body;
  return { ...key, deviceId, userId, call: (method, path, body) => signedAppCall(server, key, deviceId, method, path, body) };
}
