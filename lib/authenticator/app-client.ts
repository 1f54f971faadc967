/** The app's calls to the emulator's app side (`{serverUrl}` = `<origin>/emulator/encore/encap`). */
import type {
  ActivationRequest,
  ActivationResponse,
  AppConfiguration,
  ConfigurationResponse,
  DeviceResponse,
  PersonasResponse,
  ProofingRequest,
  ProofingResponse,
} from "@/lib/emulator/app-protocol";
import { APP_PROTOCOL_PATH } from "@/lib/emulator/app-protocol";
import { exportPublicJwk, signText } from "./device-keys";
import { getJson, postJson, readJson } from "./http";
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

export async function activateDevice(
  configuration: AppConfiguration,
  input: { activationCode: string; deviceName: string; keyPair: CryptoKeyPair },
): Promise<ActivationResponse> {
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

export function personaImageUrl(serverUrl: string, personaId: string, image: "front" | "selfie"): string {
  return `${serverUrl}/personas/${encodeURIComponent(personaId)}/images/${image}`;
}

export async function submitProofing(
  serverUrl: string,
  device: SigningDevice,
  processId: string,
  request: ProofingRequest,
): Promise<ProofingResponse> {
  const response = await signedFetch(device, `${serverUrl}/proofings/${encodeURIComponent(processId)}`, {
    method: "POST",
    body: JSON.stringify(request),
    headers: { "Content-Type": "application/json", Accept: "application/json" },
  });
  return readJson<ProofingResponse>(response);
}
