/**
 * Signed requests of the virtual app (lib/emulator/app-protocol.ts): the device signs
 * `${METHOD}\n${pathname}\n${timestamp}\n${sha256hex(body)}` with its P-256 key (WebCrypto
 * ECDSA/SHA-256, raw r||s, base64url). One function checks it for every signed route.
 *
 * A signed request is used once: its signature is remembered (EmuSeenDeviceRequest, shared by every
 * process) until its timestamp leaves the window, and a second arrival is refused. ECDSA signs
 * with a fresh random nonce, so two honest identical requests carry different signatures; the
 * signature is remembered in its low-s form, because (r, n−s) verifies too and would let a
 * replay pass as new.
 */
import { createHash, createPublicKey, verify, type JsonWebKey } from "node:crypto";
import type { EmuDevice } from "@/lib/generated/prisma/client";
import type { DeviceJwk } from "./app-protocol";
import type { RequestContext } from "./context";
import { fail } from "./http";
import { isUniqueViolation } from "./ids";
import { getEmuDevice, touchDevice } from "./store/devices";
import { recordSeenDeviceRequest } from "./store/seen-device-requests";

export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export function verifyP256Signature(jwk: DeviceJwk | JsonWebKey, message: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as JsonWebKey, format: "jwk" });
    const bytes = Buffer.from(signature, "base64url");
    return bytes.length === 64 && verify("sha256", Buffer.from(message, "utf8"), { key, dsaEncoding: "ieee-p1363" }, bytes);
  } catch {
    return false;
  }
}

const P256_ORDER = BigInt("0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

/** One name for a signature and its malleated twin: r with the smaller of s and n−s. */
function signatureIdentity(deviceId: string, signature: string): string {
  const bytes = Buffer.from(signature, "base64url");
  const s = BigInt(`0x${bytes.subarray(32).toString("hex")}`);
  const low = s > P256_ORDER / 2n ? P256_ORDER - s : s;
  return createHash("sha256")
    .update(`${deviceId}\n${bytes.subarray(0, 32).toString("hex")}\n${low.toString(16)}`)
    .digest("hex");
}

/** Refuses a signed request seen before; remembers this one until its timestamp leaves the window. */
async function consumeOnce(deviceId: string, signature: string, timestamp: number): Promise<void> {
  try {
    await recordSeenDeviceRequest(signatureIdentity(deviceId, signature), new Date(timestamp + MAX_CLOCK_SKEW_MS));
  } catch (error) {
    if (isUniqueViolation(error)) throw fail.invalidSignature("This signed request was already used: a device signs each request anew.");
    throw error;
  }
}

export function signedRequestMessage(method: string, pathname: string, timestamp: string, body: string): string {
  return `${method.toUpperCase()}\n${pathname}\n${timestamp}\n${createHash("sha256").update(body, "utf8").digest("hex")}`;
}

/** The device that signed this request; 401 invalid_signature or 403 device_not_active otherwise. */
export async function verifySignedRequest(ctx: RequestContext, now = Date.now()): Promise<EmuDevice> {
  const deviceId = ctx.request.headers.get("x-device-id");
  const timestamp = ctx.request.headers.get("x-device-timestamp");
  const signature = ctx.request.headers.get("x-device-signature");
  if (!deviceId || !timestamp || !signature) throw fail.invalidSignature("The request is not signed by a device.");
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_MS) {
    throw fail.invalidSignature("The request timestamp is more than 5 minutes off.");
  }
  const device = await getEmuDevice(deviceId);
  const message = signedRequestMessage(ctx.request.method, ctx.url.pathname, timestamp, ctx.body);
  if (!device || !verifyP256Signature(device.publicKey as DeviceJwk, message, signature)) {
    throw fail.invalidSignature("The device signature is invalid.");
  }
  if (device.state !== "ACTIVE") throw fail.deviceNotActive(`The device is ${device.state.toLowerCase()}.`);
  await consumeOnce(device.id, signature, Number(timestamp));
  await touchDevice(device.id, new Date(now));
  return device;
}
