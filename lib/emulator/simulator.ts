/**
 * Simulator control (contract section 8): what the virtual app does, done by a script with the
 * API's bearer token. A scripted device gets a key pair made here, so it is a real device that
 * the app side could also recognise.
 */
import { generateKeyPairSync } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { activateDevice } from "./activation";
import type { DeviceJwk } from "./app-protocol";
import { proofingResult } from "./app-side";
import type { RequestContext } from "./context";
import { finishProofing } from "./proofing";
import { parseJsonBody } from "./validation";

const activationBody = z.object({
  activationCode: z.string().regex(/^\d{10}$/, "must be 10 digits"),
  deviceName: z.string().trim().min(1, "cannot be empty").max(64, "must be at most 64 characters").optional(),
});

export async function simulateActivation(ctx: RequestContext): Promise<{ userId: string; deviceId: string }> {
  const body = parseJsonBody(activationBody, ctx.body);
  const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" }) as DeviceJwk;
  const { device } = await activateDevice({
    accountId: ctx.accountId,
    activationCode: body.activationCode,
    deviceName: body.deviceName ?? "Simulated device",
    platform: "WEB",
    appVersion: "simulator",
    publicKey: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y },
  });
  return { userId: device.userId, deviceId: device.id };
}

export async function simulateProofing(ctx: RequestContext) {
  const body = parseJsonBody(proofingResult, ctx.body);
  const { flow: _flow, ...result } = await finishProofing({ accountId: ctx.accountId, processId: ctx.params.processId, ...body });
  return result;
}

/** Forgets every user, device, flow and proofing record of the caller's account; the account and its clients stay. */
export async function resetAccount(accountId: string): Promise<void> {
  const where = { accountId };
  await db.$transaction([
    db.emuProofing.deleteMany({ where }),
    db.emuReuseFlow.deleteMany({ where }),
    db.emuAuthentication.deleteMany({ where }),
    db.emuRegistration.deleteMany({ where }),
    db.emuDevice.deleteMany({ where }),
    db.emuUser.deleteMany({ where }),
    db.emuDossier.deleteMany({ where }), // processes go with their dossier
  ]);
}
