/** Activating this browser as a device: new key pair, POST /activations, then remember the profile. */
import type { ActivationResponse } from "@/lib/emulator/app-protocol";
import { activateDevice } from "./app-client";
import { deleteDeviceKeyPair, generateDeviceKeyPair, newKeyId, saveDeviceKeyPair } from "./device-keys";
import { saveDeviceProfile, type DeviceProfile, type StoredConfiguration } from "./profiles";

export async function activateThisBrowser(
  configuration: StoredConfiguration,
  input: { activationCode: string; deviceName: string },
): Promise<{ profile: DeviceProfile; response: ActivationResponse; keyPair: CryptoKeyPair }> {
  const keyPair = await generateDeviceKeyPair();
  const keyId = newKeyId();
  // Stored first: a device the server knows but whose key is lost could never sign again.
  await saveDeviceKeyPair(keyId, keyPair);
  let response: ActivationResponse;
  try {
    response = await activateDevice(configuration, { ...input, keyPair });
  } catch (error) {
    await deleteDeviceKeyPair(keyId).catch(() => undefined);
    throw error;
  }
  const profile: DeviceProfile = {
    deviceId: response.deviceId,
    userId: response.userId,
    deviceName: response.deviceName,
    serverUrl: configuration.serverUrl,
    applicationId: configuration.applicationId,
    accountName: configuration.accountName,
    keyId,
    activatedAt: new Date().toISOString(),
  };
  saveDeviceProfile(profile);
  return { profile, response, keyPair };
}
