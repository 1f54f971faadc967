/**
 * Simulator control (contract section 8): what the virtual app does, done by a script with the
 * API's bearer token. A scripted device gets a key pair made here, so it is a real device that
 * the app side could also recognise.
 */
import { generateKeyPairSync } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/encryption-key";
import { activateDevice } from "./activation";
import type { DeviceJwk } from "./app-protocol";
import { proofingResult } from "./app-side";
import { answerAuthentication, authenticationView } from "./authentications";
import { callerAddress } from "./caller-address";
import type { RequestContext } from "./context";
import { finishProofing } from "./proofing";
import { parseJsonBody } from "./validation";

const activationBody = z.object({
  activationCode: z.string().regex(/^\d{10}$/, "must be 10 digits"),
  deviceName: z.string().trim().min(1, "cannot be empty").max(64, "must be at most 64 characters").optional(),
});

export async function simulateActivation(ctx: RequestContext): Promise<{ userId: string; deviceId: string }> {
  const body = parseJsonBody(activationBody, ctx.body);
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" }) as DeviceJwk;
  const { device } = await activateDevice({
    accountId: ctx.accountId,
    activationCode: body.activationCode,
    deviceName: body.deviceName ?? "Simulated device",
    platform: "WEB",
    appVersion: "simulator",
    publicKey: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y },
    simulatorKeyEnc: encryptSecret(privateKey.export({ format: "pem", type: "pkcs8" }).toString()),
    callerAddress: callerAddress(ctx.request),
  });
  return { userId: device.userId, deviceId: device.id };
}

export async function simulateProofing(ctx: RequestContext) {
  const body = parseJsonBody(proofingResult, ctx.body);
  const { flow: _flow, ...result } = await finishProofing({ accountId: ctx.accountId, processId: ctx.params.processId, ...body });
  return result;
}

const decisionBody = z.object({ decision: z.enum(["approve", "reject"], "must be approve or reject") }, "must be a JSON object");

/** Answers a pending authentication as its device would (signed with the simulator's key for a scripted device). */
export async function simulateAuthentication(ctx: RequestContext) {
  const body = parseJsonBody(decisionBody, ctx.body);
  const answered = await answerAuthentication({ accountId: ctx.accountId, authenticationId: ctx.params.authenticationId, decision: body.decision, proof: { kind: "simulator" } });
  return authenticationView(answered);
}

/**
 * Forgets every user, device, flow and proofing record, the faults, and the event log and
 * pending deliveries of the caller's account; the account, its clients and its event
 * subscriptions stay.
 */
export async function resetAccount(accountId: string): Promise<void> {
  const where = { accountId };
  await db.$transaction([
    db.emuFaultSetting.deleteMany({ where }),
    db.emuEventDelivery.deleteMany({ where }),
    db.emuEvent.deleteMany({ where }),
    db.emuProofing.deleteMany({ where }),
    db.emuReuseFlow.deleteMany({ where }),
    db.emuAuthentication.deleteMany({ where }),
    db.emuRegistration.deleteMany({ where }),
    db.emuDevice.deleteMany({ where }),
    db.emuUser.deleteMany({ where }),
    db.emuDossier.deleteMany({ where }), // processes go with their dossier
  ]);
}
