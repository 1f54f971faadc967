/**
 * Signed requests of an activated device (see lib/emulator/app-protocol.ts): every request
 * carries X-Device-Id, X-Device-Timestamp and X-Device-Signature over
 * `${METHOD}\n${pathname}\n${timestamp}\n${sha256hex(body or "")}`.
 */
import { InsecureContextError, signText } from "./device-keys";
import { fetchWithTimeout } from "./http";

export type SigningDevice = { deviceId: string; privateKey: CryptoKey };

export function canonicalRequestString(method: string, pathname: string, timestamp: string, bodySha256Hex: string): string {
  return `${method.toUpperCase()}\n${pathname}\n${timestamp}\n${bodySha256Hex}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await (
    globalThis.crypto?.subtle ??
    (() => {
      throw new InsecureContextError();
    })()
  ).digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export async function deviceSignatureHeaders(device: SigningDevice, request: { method: string; url: string; body?: string }, now: number = Date.now()): Promise<Record<string, string>> {
  const timestamp = String(now);
  const pathname = new URL(request.url).pathname;
  const signingString = canonicalRequestString(request.method, pathname, timestamp, await sha256Hex(request.body ?? ""));
  return {
    "X-Device-Id": device.deviceId,
    "X-Device-Timestamp": timestamp,
    "X-Device-Signature": await signText(device.privateKey, signingString),
  };
}

/** fetch with the device headers (and the shared timeout); the body must be a string so that it can be hashed. */
export async function signedFetch(device: SigningDevice, url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const method = (init.method ?? "GET").toUpperCase();
  const headers = { ...init.headers, ...(await deviceSignatureHeaders(device, { method, url, body: init.body })) };
  return fetchWithTimeout(url, { method, body: init.body, headers });
}
