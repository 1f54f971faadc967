/** Activating this browser as a device: new key pair, POST /activations, then remember the profile. */
import type { ActivationResponse } from "@/lib/emulator/app-protocol";
import { activateDevice } from "./app-client";
import { deleteDeviceKeyPair, generateDeviceKeyPair, newProfileId, saveDeviceKeyPair } from "./device-keys";
import { saveDeviceProfile, type DeviceProfile, type StoredConfiguration } from "./profiles";

export async function activateThisBrowser(
  configuration: StoredConfiguration,
  input: { activationCode: string; deviceName: string },
): Promise<{ profile: DeviceProfile; response: ActivationResponse; keyPair: CryptoKeyPair }> {
  const keyPair = await generateDeviceKeyPair();
  const profileId = newProfileId();
  // Stored first: a device the server knows but whose key is lost could never sign again.
  await saveDeviceKeyPair(profileId, keyPair);
  let response: ActivationResponse;
  try {
    response = await activateDevice(configuration, { ...input, keyPair });
  } catch (error) {
    await deleteDeviceKeyPair(profileId).catch(() => undefined);
    throw error;
  }
  const profile: DeviceProfile = {
    profileId,
    deviceId: response.deviceId,
    userId: response.userId,
    deviceName: response.deviceName,
    serverUrl: configuration.serverUrl,
    applicationId: configuration.applicationId,
    accountName: configuration.accountName,
    activatedAt: new Date().toISOString(),
    lastKnownState: "ACTIVE",
  };
  saveDeviceProfile(profile);
  return { profile, response, keyPair };
}
