/**
 * MobileID authentications on a device (contract section 4): started by the API (plain) or by
 * a step-up flow, answered by the device (app side, signed) or the simulator. One function
 * answers them all; approving a step-up's authentication starts its proofing, rejecting it
 * fails the flow. Lifetime: 5 minutes (lifecycle.ts).
 */
import { createPrivateKey, randomBytes, sign } from "node:crypto";
import { z } from "zod";
import { decryptSecret } from "@/lib/crypto/encryption-key";
import type { EmuAuthentication, EmuDevice, EmuUser } from "@/lib/generated/prisma/client";
import type { DeviceJwk } from "./app-protocol";
import { verifyP256Signature } from "./device-signature";
import { emitEvent } from "./events";
import { abandonFlow, startFlowProofing } from "./flows";
import { fail } from "./http";
import { newId } from "./ids";
import { AUTHENTICATION_LIFETIME_MS, settleAuthentication } from "./lifecycle";
import { findUser, findUserDevice } from "./mobileid";
import { attributeKey } from "./mobileid-validation";
import {
  answerPendingAuthentication,
  cancelPendingAuthentication,
  createEmuAuthentication,
  getAuthentication,
  getAuthenticationOrThrow,
  listPendingAuthenticationsOfDevice,
} from "./store/authentications";
import { inTransaction, type DbClient } from "./store/db-client";
import { getEmuDevice, touchDevice } from "./store/devices";
import { getReuseFlow } from "./store/reuse-flows";
import { getEmuUser } from "./store/users";

export type OperationContext = { content: string; mimeType: string };

const operationContext = z.object(
  {
    content: z
      .string("must be a string")
      .min(1, "cannot be empty")
      .max(16_384, "must be at most 16384 characters")
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64"),
    mimeType: z.string("must be a string").min(1, "cannot be empty").max(100, "must be at most 100 characters"),
  },
  "must be an object {content, mimeType}",
);

export const authenticationBody = z.object(
  {
    preOperationContext: operationContext.optional(),
    postOperationContext: operationContext.optional(),
    sendPush: z.boolean("must be a boolean").optional(),
    requestedUserAttributes: z.array(attributeKey).max(50, "must list at most 50 keys").optional(),
  },
  "must be a JSON object",
);

export const authenticationMessage = (authenticationId: string, challenge: string) => `authenticate:${authenticationId}:${challenge}`;

/** Refuses (422) an authentication for a user or device that is not active. */
export function assertCanAuthenticate(user: EmuUser, device: EmuDevice): void {
  if (user.state !== "ACTIVE") throw fail.unprocessable(`The user is ${user.state.toLowerCase()}.`);
  if (device.state !== "ACTIVE") throw fail.unprocessable(`The device is ${device.state.toLowerCase()}.`);
}

export function createAuthentication(
  input: {
    accountId: string;
    userId: string;
    deviceId: string;
    preOperationContext?: OperationContext | null;
    postOperationContext?: OperationContext | null;
    sendPush?: boolean;
    requestedAttributes?: string[];
    flowId?: string;
    now: Date;
  },
  tx?: DbClient,
): Promise<EmuAuthentication> {
  return createEmuAuthentication(
    {
      id: newId(),
      accountId: input.accountId,
      userId: input.userId,
      deviceId: input.deviceId,
      challenge: randomBytes(32).toString("base64url"),
      preOperationContext: input.preOperationContext ?? null,
      postOperationContext: input.postOperationContext ?? null,
      sendPush: input.sendPush ?? false,
      requestedAttributes: [...new Set(input.requestedAttributes ?? [])],
      flowId: input.flowId ?? null,
      expiresAt: new Date(input.now.getTime() + AUTHENTICATION_LIFETIME_MS),
    },
    tx,
  );
}

export async function startAuthentication(accountId: string, userId: string, deviceId: string, body: z.output<typeof authenticationBody>) {
  const user = await findUser(accountId, userId);
  const device = await findUserDevice(accountId, userId, deviceId);
  assertCanAuthenticate(user, device);
  const authentication = await createAuthentication({
    accountId,
    userId,
    deviceId,
    preOperationContext: body.preOperationContext,
    postOperationContext: body.postOperationContext,
    sendPush: body.sendPush,
    requestedAttributes: body.requestedUserAttributes,
    now: new Date(),
  });
  return { authenticationId: authentication.id, state: authentication.state, expiresAt: authentication.expiresAt.toISOString() };
}

/** GET .../authentications/{id}: `userAttributes` (the requested ones the user has) once COMPLETED. */
export function authenticationView(a: EmuAuthentication) {
  const view: Record<string, unknown> = {
    authenticationId: a.id,
    userId: a.userId,
    deviceId: a.deviceId,
    state: a.state,
    createdAt: a.createdAt.toISOString(),
    expiresAt: a.expiresAt.toISOString(),
  };
  if (a.completedAt) view.completedAt = a.completedAt.toISOString();
  if (a.state === "COMPLETED") view.userAttributes = a.userAttributes ?? {};
  return view;
}

export async function findAuthentication(accountId: string, userId: string, deviceId: string, authenticationId: string): Promise<EmuAuthentication> {
  await findUserDevice(accountId, userId, deviceId);
  const found = await getAuthentication(authenticationId);
  if (!found || found.accountId !== accountId || found.deviceId !== deviceId) throw fail.notFound(`No authentication with ID ${authenticationId} exists for device ${deviceId}.`);
  return settleAuthentication(found);
}

/**
 * How the answer is proven: `signature` from the device (app side; verified against the
 * device's key), or `simulator` (signed here with the key the simulator made for a scripted
 * device; a browser device's key never leaves the browser, so the simulator decides for it unsigned).
 */
export type AnswerProof = { kind: "signature"; deviceId: string; signature?: string } | { kind: "simulator" };

export type AuthenticationAnswerInput = { accountId: string; authenticationId: string; decision: "approve" | "reject"; proof: AnswerProof };

function simulatorSignature(device: EmuDevice, message: string): string | undefined {
  if (!device.simulatorKeyEnc) return undefined;
  const key = createPrivateKey(decryptSecret(device.simulatorKeyEnc));
  return sign("sha256", Buffer.from(message, "utf8"), { key, dsaEncoding: "ieee-p1363" }).toString("base64url");
}

function checkProof(authentication: EmuAuthentication, device: EmuDevice, proof: AnswerProof): void {
  const message = authenticationMessage(authentication.id, authentication.challenge);
  const signature = proof.kind === "signature" ? proof.signature : simulatorSignature(device, message);
  if (proof.kind === "simulator" && signature === undefined) return;
  if (!signature || !verifyP256Signature(device.publicKey as DeviceJwk, message, signature)) {
    throw fail.invalidSignature("The signature over the authentication challenge does not match the device's key.");
  }
}

function requestedUserAttributes(authentication: EmuAuthentication, user: EmuUser): Record<string, unknown> {
  const attributes = user.attributes as Record<string, unknown>;
  const requested = authentication.requestedAttributes as string[];
  return Object.fromEntries(requested.filter((key) => key in attributes).map((key) => [key, attributes[key]]));
}

export async function answerAuthentication(input: AuthenticationAnswerInput): Promise<EmuAuthentication> {
  const found = await getAuthentication(input.authenticationId);
  const mine = found && found.accountId === input.accountId && (input.proof.kind === "simulator" || found.deviceId === input.proof.deviceId);
  if (!found || !mine) throw fail.notFound(`No authentication with ID ${input.authenticationId} exists.`);
  const authentication = await settleAuthentication(found);
  if (authentication.state === "EXPIRED") throw fail.unprocessable("The authentication has expired.");
  if (authentication.state !== "PENDING") throw fail.conflict(`The authentication was already answered (${authentication.state}).`);
  const device = await getEmuDevice(authentication.deviceId);
  const user = await getEmuUser(authentication.userId);
  if (!device || !user) throw fail.conflict("The authentication's device or user no longer exists.");
  if (input.decision === "approve") {
    assertCanAuthenticate(user, device);
    checkProof(authentication, device, input.proof);
  }

  const now = new Date();
  const approved = input.decision === "approve";
  return inTransaction(async (tx) => {
    const moved = await answerPendingAuthentication(tx, authentication.id, {
      state: approved ? "COMPLETED" : "FAILED",
      completedAt: now,
      userAttributes: approved ? requestedUserAttributes(authentication, user) : null,
    });
    if (!moved) throw fail.conflict("The authentication was already answered.");
    await touchDevice(device.id, now, tx);
    const answered = await getAuthenticationOrThrow(authentication.id, tx);
    await emitEvent(tx, { accountId: answered.accountId, eventName: approved ? "mobileid.authentication.completed" : "mobileid.authentication.failed", eventData: authenticationView(answered) });
    const flow = answered.flowId ? await getReuseFlow(answered.flowId, tx) : null;
    if (flow?.status === "Pending") {
      if (approved) await startFlowProofing(tx, flow, now);
      else {
        const message = "The user rejected the authentication on the device.";
        await abandonFlow(tx, flow, { status: "Failed", errorCode: "authentication_rejected", errorMessage: message, processStatus: "canceled", failType: "authentication_rejected" }, now);
      }
    }
    return answered;
  });
}

/** Cancels the device's pending authentications (device locked, deactivated or deleted), failing their step-ups. */
export async function cancelDeviceAuthentications(tx: DbClient, deviceId: string, reason: string, now: Date): Promise<void> {
  const pending = await listPendingAuthenticationsOfDevice(deviceId, tx);
  for (const authentication of pending) {
    const moved = await cancelPendingAuthentication(tx, authentication.id, now);
    if (!moved || !authentication.flowId) continue;
    const flow = await getReuseFlow(authentication.flowId, tx);
    if (flow) {
      await abandonFlow(
        tx,
        flow,
        { status: "Failed", errorCode: "authentication_canceled", errorMessage: `The authentication was canceled: ${reason}.`, processStatus: "canceled", failType: "authentication_canceled" },
        now,
      );
    }
  }
}
