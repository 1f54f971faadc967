/**
 * Simulator control (contract section 8): what the virtual app does, done by a script with the
 * API's bearer token. A scripted device gets a key pair made here, so it is a real device that
 * the app side could also recognise.
 */
import { generateKeyPairSync } from "node:crypto";
import { z } from "zod";
import { encryptSecret } from "@/lib/crypto/encryption-key";
import { activateDevice } from "./activation";
import type { DeviceJwk } from "./app-protocol";
import { proofingResult } from "./app-side";
import { answerAuthentication, authenticationView } from "./authentications";
import { finishProofing } from "./proofing";
import { deleteAccountRecords } from "./store/account-data";

export const simulatedActivationBody = z.object({
  activationCode: z.string().regex(/^\d{10}$/, "must be 10 digits"),
  deviceName: z.string().trim().min(1, "cannot be empty").max(64, "must be at most 64 characters").optional(),
});

/** `callerAddress`: who tried the code, for the brake on guessing (lib/emulator/throttle.ts). */
export async function simulateActivation(accountId: string, body: z.output<typeof simulatedActivationBody>, callerAddress: string): Promise<{ userId: string; deviceId: string }> {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" }) as DeviceJwk;
  const { device } = await activateDevice({
    accountId,
    activationCode: body.activationCode,
    deviceName: body.deviceName ?? "Simulated device",
    platform: "WEB",
    appVersion: "simulator",
    publicKey: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y },
    simulatorKeyEnc: encryptSecret(privateKey.export({ format: "pem", type: "pkcs8" }).toString()),
    callerAddress,
  });
  return { userId: device.userId, deviceId: device.id };
}

export async function simulateProofing(accountId: string, processId: string, body: z.output<typeof proofingResult>) {
  const { flow: _flow, ...result } = await finishProofing({ accountId, processId, ...body });
  return result;
}

export const decisionBody = z.object({ decision: z.enum(["approve", "reject"], "must be approve or reject") }, "must be a JSON object");

/** Answers a pending authentication as its device would (signed with the simulator's key for a scripted device). */
export async function simulateAuthentication(accountId: string, authenticationId: string, body: z.output<typeof decisionBody>) {
  const answered = await answerAuthentication({ accountId, authenticationId, decision: body.decision, proof: { kind: "simulator" } });
  return authenticationView(answered);
}

/**
 * Forgets every user, device, flow and proofing record, the faults, and the event log and
 * pending deliveries of the caller's account; the account, its clients and its event
 * subscriptions stay.
 */
export async function resetAccount(accountId: string): Promise<void> {
  await deleteAccountRecords(accountId);
}
