/** The app's calls to the emulator's app side (`{serverUrl}` = `<origin>/emulator/encore/encap`). */
import type {
  ActivationRequest,
  ActivationResponse,
  AppConfiguration,
  AuthenticationAnswer,
  ConfigurationResponse,
  DeviceResponse,
  PendingOperation,
  PersonasResponse,
  ProofingRequest,
  ProofingResponse,
} from "@/lib/emulator/app-protocol";
import { APP_PROTOCOL_PATH } from "@/lib/emulator/app-protocol";
import { exportPublicJwk, signText } from "./device-keys";
import { getJson, postJson, readJson, readOptionalJson } from "./http";
import { authenticationSigningText, type AuthenticationOperation } from "./pending-authentication";
import { signedFetch, type SigningDevice } from "./signed-fetch";

export const APP_VERSION = "virtual-1.0.0";

export function consoleEmulatorServerUrl(origin: string): string {
  return `${origin.replace(/\/+$/, "")}/emulator${APP_PROTOCOL_PATH}`;
}

/** The default account's configuration of the emulator served from `origin`. */
export function fetchConsoleEmulatorConfiguration(origin: string): Promise<AppConfiguration> {
  return getJson<AppConfiguration>(`${consoleEmulatorServerUrl(origin)}/configuration`);
}

export function verifyConfiguration(configuration: AppConfiguration): Promise<ConfigurationResponse> {
  const query = new URLSearchParams({ applicationId: configuration.applicationId });
  return getJson<ConfigurationResponse>(`${configuration.serverUrl}/configuration?${query}`);
}

export async function activateDevice(configuration: AppConfiguration, input: { activationCode: string; deviceName: string; keyPair: CryptoKeyPair }): Promise<ActivationResponse> {
  const request: ActivationRequest = {
    applicationId: configuration.applicationId,
    activationCode: input.activationCode,
    deviceName: input.deviceName,
    platform: "WEB",
    appVersion: APP_VERSION,
    publicKey: await exportPublicJwk(input.keyPair.publicKey),
    signature: await signText(input.keyPair.privateKey, `activate:${input.activationCode}`),
  };
  return postJson<ActivationResponse>(`${configuration.serverUrl}/activations`, request);
}

export async function fetchDevice(serverUrl: string, device: SigningDevice): Promise<DeviceResponse> {
  return readJson<DeviceResponse>(await signedFetch(device, `${serverUrl}/devices/${encodeURIComponent(device.deviceId)}`));
}

export function fetchPersonas(serverUrl: string): Promise<PersonasResponse> {
  return getJson<PersonasResponse>(`${serverUrl}/personas`);
}

/** `docType`: the document the capture shows (the front is drawn as that document). */
export function personaImageUrl(serverUrl: string, personaId: string, image: "front" | "selfie", docType?: number | null): string {
  const url = `${serverUrl}/personas/${encodeURIComponent(personaId)}/images/${image}`;
  return image === "front" && docType ? `${url}?docType=${docType}` : url;
}

export async function submitProofing(serverUrl: string, device: SigningDevice, processId: string, request: ProofingRequest): Promise<ProofingResponse> {
  const response = await signedFetch(device, `${serverUrl}/proofings/${encodeURIComponent(processId)}`, {
    method: "POST",
    body: JSON.stringify(request),
    headers: { "Content-Type": "application/json", Accept: "application/json" },
  });
  return readJson<ProofingResponse>(response);
}

/** What POST /authentications/{id} may answer; the emulator decides the exact shape, the app reads it leniently. */
export type AuthenticationAnswerResult = { state?: string; operations?: PendingOperation[]; postOperationContext?: { content: string; mimeType: string } | null } | null;

/** Approving signs `authenticate:${authenticationId}:${challenge}` with the device's key; rejecting sends no signature. */
export async function answerAuthentication(
  serverUrl: string,
  device: SigningDevice,
  operation: Pick<AuthenticationOperation, "authenticationId" | "challenge">,
  decision: AuthenticationAnswer["decision"],
): Promise<AuthenticationAnswerResult> {
  const answer: AuthenticationAnswer = decision === "approve" ? { decision, signature: await signText(device.privateKey, authenticationSigningText(operation)) } : { decision };
  const response = await signedFetch(device, `${serverUrl}/authentications/${encodeURIComponent(operation.authenticationId)}`, {
    method: "POST",
    body: JSON.stringify(answer),
    headers: { "Content-Type": "application/json", Accept: "application/json" },
  });
  return readOptionalJson<Exclude<AuthenticationAnswerResult, null>>(response);
}

export async function renameDevice(serverUrl: string, device: SigningDevice, deviceName: string): Promise<void> {
  const response = await signedFetch(device, `${serverUrl}/devices/${encodeURIComponent(device.deviceId)}`, {
    method: "PATCH",
    body: JSON.stringify({ deviceName }),
    headers: { "Content-Type": "application/json", Accept: "application/json" },
  });
  await readOptionalJson(response);
}

export async function removeDevice(serverUrl: string, device: SigningDevice): Promise<void> {
  const response = await signedFetch(device, `${serverUrl}/devices/${encodeURIComponent(device.deviceId)}`, {
    method: "DELETE",
    headers: { Accept: "application/json" },
  });
  await readOptionalJson(response);
}
