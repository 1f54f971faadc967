/**
 * The app side of the emulator (contract section 7), exactly as lib/emulator/app-protocol.ts
 * defines it: configuration, activation with a device key, the device's pending operations,
 * the test personas and their images, and the signed proofing result.
 */
import { z } from "zod";
import type { EmuAccount, EmuDevice, EmuProcess, EmuReuseFlow } from "@/lib/generated/prisma/client";
import { activateDevice } from "./activation";
import { callerAddress } from "./caller-address";
import type {
  ActivationResponse,
  AppConfiguration,
  AuthenticationAnswerResponse,
  ConfigurationResponse,
  DeviceResponse,
  DeviceSummary,
  PendingOperation,
  PersonasResponse,
  ProofingResponse,
} from "./app-protocol";
import { APP_PROTOCOL_PATH } from "./app-protocol";
import { DEFAULT_ACCOUNT_ID } from "./bootstrap";
import { EMULATOR_BASE_PATH, type RequestContext } from "./context";
import { verifyP256Signature, verifySignedRequest } from "./device-signature";
import { DOCUMENT_TYPES, documentType } from "./document-types";
import { fail } from "./http";
import { documentFrontSvg } from "./images/document";
import { selfieSvg } from "./images/portrait";
import { answerAuthentication, type OperationContext } from "./authentications";
import { flowDocTypes, OPEN_PROCESS_STATUSES, processExpiresAt } from "./flows";
import { settleAuthentication, settleFlow } from "./lifecycle";
import { deleteDevice, updateDevice } from "./mobileid-devices";
import { deviceName } from "./mobileid-validation";
import { findPersona, PERSONAS, personaSummary } from "./personas";
import { finishProofing } from "./proofing";
import { findAccountByApplicationId, getEmuAccount } from "./store/accounts";
import { listPendingAuthenticationsOfDevice } from "./store/authentications";
import { getEmuProcess } from "./store/proofing-records";
import { listPendingFlowsOfDevice } from "./store/reuse-flows";
import { dateString, parseJsonBody } from "./validation";

export async function getConfiguration(ctx: RequestContext): Promise<AppConfiguration | ConfigurationResponse> {
  const applicationId = ctx.url.searchParams.get("applicationId");
  if (applicationId) {
    const account = await findAccountByApplicationId(applicationId);
    if (!account) throw fail.notFound(`No application with ID ${applicationId} exists.`);
    return { applicationId: account.applicationId, accountName: account.name, serverTime: new Date().toISOString() };
  }
  const account = await getEmuAccount(DEFAULT_ACCOUNT_ID);
  if (!account) throw fail.notFound("The emulator has no default account yet.");
  return appConfiguration(account, ctx.origin);
}

export function appConfiguration(account: EmuAccount, origin: string): AppConfiguration {
  return { applicationId: account.applicationId, publicKey: account.appPublicKey, serverUrl: `${origin}${EMULATOR_BASE_PATH}${APP_PROTOCOL_PATH}` };
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, "must be base64url");

const activationBody = z.object({
  applicationId: z.string().min(1, "cannot be empty"),
  activationCode: z.string().regex(/^\d{10}$/, "must be 10 digits"),
  deviceName: z.string().trim().min(1, "cannot be empty").max(64, "must be at most 64 characters"),
  platform: z.literal("WEB", "must be WEB"),
  appVersion: z.string().max(32, "must be at most 32 characters"),
  publicKey: z.object({ kty: z.literal("EC", "must be EC"), crv: z.literal("P-256", "must be P-256"), x: base64url, y: base64url }, "must be a P-256 JWK"),
  signature: base64url,
});

export async function postActivation(ctx: RequestContext): Promise<ActivationResponse> {
  const body = parseJsonBody(activationBody, ctx.body);
  const account = await findAccountByApplicationId(body.applicationId);
  if (!account) throw fail.notFound(`No application with ID ${body.applicationId} exists.`);
  if (!verifyP256Signature(body.publicKey, `activate:${body.activationCode}`, body.signature)) {
    throw fail.invalidSignature("The signature over the activation code does not match the public key.");
  }
  const { device } = await activateDevice({
    accountId: account.id,
    activationCode: body.activationCode,
    deviceName: body.deviceName,
    platform: body.platform,
    appVersion: body.appVersion,
    publicKey: body.publicKey,
    callerAddress: callerAddress(ctx.request),
  });
  return { userId: device.userId, deviceId: device.id, deviceName: device.deviceName, operations: await pendingOperations(device) };
}

function proofingOperation(flow: EmuReuseFlow, process: EmuProcess): PendingOperation {
  const restricted = flowDocTypes(flow);
  return {
    type: "proofing",
    transactionId: flow.id,
    flow: flow.kind === "stepup" ? "stepup" : "onboarding",
    processId: flow.processId,
    dossierId: flow.dossierId,
    provider: flow.provider === "readid" ? "readid" : "videoid",
    documentTypes: restricted.length > 0 ? restricted.map(documentType) : DOCUMENT_TYPES,
    defaultId: flow.defaultId,
    expiresAt: processExpiresAt(process)!.toISOString(),
  };
}

/** What waits for the device: its pending authentications (plain and step-up), then the proofings of its flows. */
export async function pendingOperations(device: EmuDevice): Promise<PendingOperation[]> {
  const operations: PendingOperation[] = [];
  const authentications = await listPendingAuthenticationsOfDevice(device.id);
  for (const candidate of authentications) {
    const authentication = await settleAuthentication(candidate);
    if (authentication.state !== "PENDING") continue;
    operations.push({
      type: "authentication",
      authenticationId: authentication.id,
      challenge: authentication.challenge,
      preOperationContext: (authentication.preOperationContext as OperationContext | null) ?? null,
      stepUp: authentication.flowId !== null,
      expiresAt: authentication.expiresAt.toISOString(),
    });
  }
  const flows = await listPendingFlowsOfDevice(device.id);
  for (const candidate of flows) {
    const flow = await settleFlow(candidate);
    if (flow.status !== "Pending") continue;
    const process = await getEmuProcess(flow.processId);
    if (process?.startedAt && OPEN_PROCESS_STATUSES.includes(process.status)) operations.push(proofingOperation(flow, process));
  }
  return operations;
}

function deviceSummary(device: EmuDevice): DeviceSummary {
  return {
    deviceId: device.id,
    userId: device.userId,
    deviceName: device.deviceName,
    state: device.state,
    platform: device.platform,
    createdAt: device.createdAt.toISOString(),
    lastUsedAt: device.lastUsedAt?.toISOString() ?? null,
  };
}

/** The signing device, which may only act on itself. */
async function selfDevice(ctx: RequestContext): Promise<EmuDevice> {
  const device = await verifySignedRequest(ctx);
  if (device.id !== ctx.params.deviceId) throw fail.forbidden("A device may only act on itself.");
  return device;
}

export async function getDevice(ctx: RequestContext): Promise<DeviceResponse> {
  const device = await selfDevice(ctx);
  return { device: deviceSummary(device), operations: await pendingOperations(device) };
}

const renameBody = z.object({ deviceName }, "must be a JSON object");

export async function patchDevice(ctx: RequestContext): Promise<DeviceSummary> {
  const device = await selfDevice(ctx);
  const body = parseJsonBody(renameBody, ctx.body);
  return deviceSummary(await updateDevice(device, { deviceName: body.deviceName }));
}

export async function removeDevice(ctx: RequestContext): Promise<void> {
  await deleteDevice(await selfDevice(ctx));
}

const answerBody = z.object({ decision: z.enum(["approve", "reject"], "must be approve or reject"), signature: base64url.optional() }, "must be a JSON object");

export async function postAuthentication(ctx: RequestContext): Promise<AuthenticationAnswerResponse> {
  const device = await verifySignedRequest(ctx);
  const body = parseJsonBody(answerBody, ctx.body);
  const answered = await answerAuthentication({
    accountId: device.accountId,
    authenticationId: ctx.params.authenticationId,
    decision: body.decision,
    proof: { kind: "signature", deviceId: device.id, signature: body.signature },
  });
  const post = answered.state === "COMPLETED" && answered.postOperationContext ? (answered.postOperationContext as OperationContext) : null;
  return {
    authenticationId: answered.id,
    state: answered.state as AuthenticationAnswerResponse["state"],
    operations: await pendingOperations(device),
    ...(post ? { postOperationContext: post } : {}),
  };
}

export function listPersonas(): PersonasResponse {
  return { personas: PERSONAS.map(personaSummary) };
}

function previewDocType(raw: string | null): number | null {
  if (raw === null || raw === "") return null;
  const id = Number(raw);
  if (!Number.isInteger(id) || !DOCUMENT_TYPES.some((d) => d.id === id)) throw fail.invalidParams([{ name: "docType", reason: "must be the id of a known document type" }]);
  return id;
}

export function personaImage(ctx: RequestContext): string {
  const persona = findPersona(ctx.params.personaId);
  if (!persona) throw fail.notFound(`No persona with ID ${ctx.params.personaId} exists.`);
  if (ctx.params.image === "selfie") return selfieSvg(persona);
  // ?docType= draws the persona's data on the document the app picked (a British passport is a UK
  // passport with its own MRZ), as the proofing will record it; without it, the persona's own document.
  if (ctx.params.image === "front") return documentFrontSvg({ ...persona, docTypeId: previewDocType(ctx.url.searchParams.get("docType")) ?? persona.docTypeId });
  throw fail.notFound(`No image ${ctx.params.image}: use front or selfie.`);
}

const outcome = z.enum(["accepted", "rejected", "failed", "inconclusive", "canceled"], "must be one of accepted, rejected, failed, inconclusive, canceled");

export const identityInput = z.object({
  firstName: z.string().trim().min(1, "cannot be empty").max(64, "must be at most 64 characters"),
  lastName: z.string().trim().min(1, "cannot be empty").max(64, "must be at most 64 characters"),
  dateOfBirth: dateString,
  gender: z.enum(["F", "M", "X"], "must be F, M or X"),
  nationality: z.string().regex(/^[A-Za-z]{3}$/, "must be an ISO 3166 alpha-3 code"),
  documentNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,20}$/, "must be 1 to 20 letters or digits"),
  dateOfExpiry: dateString,
});

export const proofingResult = z.object({
  outcome,
  docType: z.int("must be an integer").optional(),
  persona: z.string().min(1, "cannot be empty").optional(),
  identity: identityInput.optional(),
});

const appProofingBody = proofingResult.extend({ docType: z.int("must be an integer") });

export async function postProofing(ctx: RequestContext): Promise<ProofingResponse> {
  const device = await verifySignedRequest(ctx);
  const body = parseJsonBody(appProofingBody, ctx.body);
  const { processId, status, flowStatus, failReason, securityChecks } = await finishProofing({
    accountId: device.accountId,
    processId: ctx.params.processId,
    deviceId: device.id,
    ...body,
  });
  return { processId, status, flowStatus, failReason, securityChecks };
}
