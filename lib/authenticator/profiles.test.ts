import { describe, expect, it } from "vitest";
import {
  decodeConfigurationParam,
  defaultDeviceName,
  encodeConfigurationParam,
  getCurrentDeviceProfile,
  listDeviceProfiles,
  selectDeviceProfile,
  updateDeviceProfile,
  loadConfiguration,
  parseScannedText,
  removeDeviceProfile,
  saveConfiguration,
  saveDeviceProfile,
  type DeviceProfile,
  type KeyValueStorage,
} from "./profiles";

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return { getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value), removeItem: (key) => void map.delete(key) };
}

const configuration = { applicationId: "app-1", publicKey: "MFkwEwYHKoZIzj0CAQ", serverUrl: "http://localhost:3302/emulator/encore/encap" };

const profile = (deviceId: string): DeviceProfile => ({
  profileId: `profile-${deviceId}`,
  deviceId,
  userId: `user-${deviceId}`,
  deviceName: "Virtual app · Chrome",
  serverUrl: configuration.serverUrl,
  applicationId: configuration.applicationId,
  accountName: "Default",
  activatedAt: "2026-01-01T00:00:00.000Z",
  lastKnownState: null,
});

describe("configuration link", () => {
  it("round-trips through base64url, unicode included", () => {
    const withUnicode = { ...configuration, applicationId: "app-ø" };
    const param = encodeConfigurationParam(withUnicode);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeConfigurationParam(param)).toEqual(withUnicode);
  });

  it("returns null for garbage or an incomplete configuration", () => {
    expect(decodeConfigurationParam("not-json")).toBeNull();
    expect(decodeConfigurationParam(encodeConfigurationParam({ ...configuration, serverUrl: "" }))).toBeNull();
  });
});

describe("scanned QR text", () => {
  it("reads the configuration JSON", () => {
    expect(parseScannedText(JSON.stringify(configuration))).toEqual({ configuration, activationCode: null });
  });

  it("reads a link with config and code", () => {
    const link = `http://localhost:3302/authenticator?config=${encodeConfigurationParam(configuration)}&code=1234567890`;
    expect(parseScannedText(link)).toEqual({ configuration, activationCode: "1234567890" });
  });

  it("reads a bare code and ignores other text", () => {
    expect(parseScannedText("12345 67890")).toEqual({ configuration: null, activationCode: "1234567890" });
    expect(parseScannedText("hello")).toEqual({ configuration: null, activationCode: null });
  });
});

describe("stored profiles", () => {
  it("keeps the configuration with its account name", () => {
    const storage = memoryStorage();
    expect(loadConfiguration(storage)).toBeNull();
    saveConfiguration({ ...configuration, accountName: "Default" }, storage);
    expect(loadConfiguration(storage)).toEqual({ ...configuration, accountName: "Default" });
  });

  it("makes the last saved device current and falls back when it is removed", () => {
    const storage = memoryStorage();
    saveDeviceProfile(profile("a"), storage);
    saveDeviceProfile(profile("b"), storage);
    expect(getCurrentDeviceProfile(storage)?.deviceId).toBe("b");
    saveDeviceProfile({ ...profile("a"), deviceName: "renamed" }, storage);
    expect(listDeviceProfiles(storage).map((p) => p.deviceId)).toEqual(["b", "a"]);
    expect(getCurrentDeviceProfile(storage)?.deviceName).toBe("renamed");
    removeDeviceProfile("profile-a", storage);
    expect(getCurrentDeviceProfile(storage)?.deviceId).toBe("b");
    removeDeviceProfile("profile-b", storage);
    expect(getCurrentDeviceProfile(storage)).toBeNull();
  });

  it("switches between profiles and updates one without switching", () => {
    const storage = memoryStorage();
    saveDeviceProfile(profile("a"), storage);
    saveDeviceProfile(profile("b"), storage);
    expect(selectDeviceProfile("profile-a", storage)?.deviceId).toBe("a");
    expect(getCurrentDeviceProfile(storage)?.deviceId).toBe("a");
    expect(updateDeviceProfile("profile-b", { deviceName: "Work phone", lastKnownState: "LOCKED" }, storage)?.deviceName).toBe("Work phone");
    expect(getCurrentDeviceProfile(storage)?.deviceId).toBe("a");
    expect(listDeviceProfiles(storage).find((p) => p.profileId === "profile-b")).toMatchObject({ deviceName: "Work phone", lastKnownState: "LOCKED" });
    expect(selectDeviceProfile("nope", storage)).toBeNull();
    expect(updateDeviceProfile("nope", { deviceName: "x" }, storage)).toBeNull();
  });

  it("moves version-1 storage to profiles whose id is the old key id", () => {
    const storage = memoryStorage();
    const legacy = (deviceId: string) => {
      const { profileId: _profileId, lastKnownState: _state, ...rest } = profile(deviceId);
      return { ...rest, keyId: `key-${deviceId}` };
    };
    storage.setItem("reuseid-authenticator:devices", JSON.stringify([legacy("a"), legacy("b"), { junk: true }]));
    storage.setItem("reuseid-authenticator:current-device", "a");
    const profiles = listDeviceProfiles(storage);
    expect(profiles.map((p) => p.profileId)).toEqual(["key-a", "key-b"]);
    expect(profiles[0]).toMatchObject({ deviceId: "a", userId: "user-a", deviceName: "Virtual app · Chrome", lastKnownState: null });
    expect(getCurrentDeviceProfile(storage)?.deviceId).toBe("a");
    expect(storage.getItem("reuseid-authenticator:devices")).toBeNull();
    expect(storage.getItem("reuseid-authenticator:current-device")).toBeNull();
    expect(listDeviceProfiles(storage)).toHaveLength(2);
  });
});

describe("default device name", () => {
  it("names the browser", () => {
    expect(defaultDeviceName("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36")).toBe("Virtual app · Chrome");
    expect(defaultDeviceName("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1")).toBe("Virtual app · Safari");
    expect(defaultDeviceName("Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537.36 Edg/120.0")).toBe("Virtual app · Edge");
  });
});
