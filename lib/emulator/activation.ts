/**
 * Activating a device with an activation code, as a phone does: one function for the virtual
 * app (POST /encore/encap/activations) and the simulator (POST /simulator/activations).
 * The code is single-use: the first activation wins, any later one finds no pending code.
 * Guesses are braked per caller address and per account (throttle.ts): 429 with Retry-After.
 */
import { createHash, createPublicKey } from "node:crypto";
import type { EmuDevice, EmuReuseFlow } from "@/lib/generated/prisma/client";
import type { DeviceJwk } from "./app-protocol";
import { emitEvent } from "./events";
import { startFlowProofing } from "./flows";
import { EmulatorError, fail } from "./http";
import { newId } from "./ids";
import { settleRegistration } from "./lifecycle";
import { registrationView } from "./registrations";
import { inTransaction } from "./store/db-client";
import { createEmuDevice } from "./store/devices";
import { completePendingRegistration, findRegistrationByCode, getRegistrationOrThrow } from "./store/registrations";
import { findFlowOfRegistration, setFlowDevice } from "./store/reuse-flows";
import { guardActivation, TooManyAttempts } from "./throttle";

/** RFC 7638 thumbprint of a P-256 public key. */
export function jwkThumbprint(jwk: DeviceJwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash("sha256").update(canonical).digest("base64url");
}

/** Refuses anything that is not a usable P-256 public key. */
export function assertDeviceKey(jwk: DeviceJwk): void {
  try {
    createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: "jwk" });
  } catch {
    throw fail.invalidParams([{ name: "publicKey", reason: "is not a valid P-256 public key" }]);
  }
}

export type ActivationInput = {
  accountId: string;
  activationCode: string;
  deviceName: string;
  platform: string;
  appVersion: string | null;
  publicKey: DeviceJwk;
  /** A device the simulator made: its private key, sealed, so the simulator can sign for it. */
  simulatorKeyEnc?: string;
  /** Where the request came from (caller-address.ts): wrong codes are counted against it. */
  callerAddress: string;
};

export type Activation = { device: EmuDevice; flow: EmuReuseFlow | null };

/** Refusals that mean "not a usable code": the guesses the brake counts. */
const isWrongCode = (error: unknown) => error instanceof EmulatorError && (error.status === 404 || error.status === 422);

export async function activateDevice(input: ActivationInput): Promise<Activation> {
  assertDeviceKey(input.publicKey);
  try {
    return await guardActivation({ address: input.callerAddress, accountId: input.accountId }, () => activateWithCode(input), isWrongCode);
  } catch (error) {
    if (error instanceof TooManyAttempts) throw fail.rateLimited(error.message, error.retryAfterSeconds);
    throw error;
  }
}

async function activateWithCode(input: ActivationInput): Promise<Activation> {
  const found = await findRegistrationByCode(input.activationCode);
  if (!found || found.accountId !== input.accountId) throw fail.notFound("The activation code is unknown or was already used.");
  const registration = await settleRegistration(found);
  if (registration.state === "EXPIRED") throw fail.unprocessable("The activation code has expired.");
  if (registration.state !== "PENDING") throw fail.notFound("The activation code is unknown or was already used.");

  const now = new Date();
  const deviceId = newId();
  const deviceName = registration.deviceName ?? input.deviceName; // a name the API gave the registration wins
  return inTransaction(async (tx) => {
    const claimed = await completePendingRegistration(tx, registration.id, { completedAt: now, deviceId, deviceName });
    if (!claimed) throw fail.notFound("The activation code is unknown or was already used.");
    const device = await createEmuDevice(tx, {
      id: deviceId,
      accountId: input.accountId,
      userId: registration.userId,
      deviceName,
      platform: input.platform,
      appVersion: input.appVersion,
      deviceHash: createHash("sha256").update(jwkThumbprint(input.publicKey)).digest("hex"),
      publicKey: { kty: input.publicKey.kty, crv: input.publicKey.crv, x: input.publicKey.x, y: input.publicKey.y },
      simulatorKeyEnc: input.simulatorKeyEnc ?? null,
      lastUsedAt: now,
    });
    const completed = await getRegistrationOrThrow(registration.id, tx);
    await emitEvent(tx, { accountId: input.accountId, eventName: "mobileid.registration.completed", eventData: registrationView(completed) });
    const flow = await findFlowOfRegistration(registration.id, tx, true);
    if (!flow) return { device, flow: null };
    await startFlowProofing(tx, flow, now);
    const updated = await setFlowDevice(tx, flow.id, deviceId);
    return { device, flow: updated };
  });
}
