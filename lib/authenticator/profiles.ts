/**
 * What this browser remembers, in localStorage: the app configuration (with the account name
 * the server gave for it) and the device profiles activated here. The keys of those devices
 * are in IndexedDB (device-keys.ts), referenced by `keyId`.
 */
import type { AppConfiguration } from "@/lib/emulator/app-protocol";
import { base64UrlToText, textToBase64Url } from "./base64url";
import { normalizeActivationCode, validateAppConfiguration } from "./validation";

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export type StoredConfiguration = AppConfiguration & { accountName: string | null };

export type DeviceProfile = {
  deviceId: string;
  userId: string;
  deviceName: string;
  serverUrl: string;
  applicationId: string;
  accountName: string | null;
  keyId: string;
  activatedAt: string;
};

const CONFIGURATION_KEY = "reuseid-authenticator:configuration";
const PROFILES_KEY = "reuseid-authenticator:devices";
const CURRENT_KEY = "reuseid-authenticator:current-device";

function browserStorage(): KeyValueStorage {
  return window.localStorage;
}

function readJson<T>(storage: KeyValueStorage, key: string): T | null {
  try {
    const text = storage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function loadConfiguration(storage: KeyValueStorage = browserStorage()): StoredConfiguration | null {
  const stored = readJson<StoredConfiguration>(storage, CONFIGURATION_KEY);
  if (!stored) return null;
  const checked = validateAppConfiguration(stored);
  return checked.ok ? { ...checked.value, accountName: stored.accountName ?? null } : null;
}

export function saveConfiguration(configuration: StoredConfiguration, storage: KeyValueStorage = browserStorage()): void {
  storage.setItem(CONFIGURATION_KEY, JSON.stringify(configuration));
}

export function clearConfiguration(storage: KeyValueStorage = browserStorage()): void {
  storage.removeItem(CONFIGURATION_KEY);
}

export function listDeviceProfiles(storage: KeyValueStorage = browserStorage()): DeviceProfile[] {
  const profiles = readJson<DeviceProfile[]>(storage, PROFILES_KEY);
  return Array.isArray(profiles) ? profiles.filter((profile) => profile && typeof profile.deviceId === "string") : [];
}

/** Adds or replaces a profile and makes it the current one. */
export function saveDeviceProfile(profile: DeviceProfile, storage: KeyValueStorage = browserStorage()): void {
  const others = listDeviceProfiles(storage).filter((existing) => existing.deviceId !== profile.deviceId);
  storage.setItem(PROFILES_KEY, JSON.stringify([...others, profile]));
  storage.setItem(CURRENT_KEY, profile.deviceId);
}

export function removeDeviceProfile(deviceId: string, storage: KeyValueStorage = browserStorage()): void {
  const remaining = listDeviceProfiles(storage).filter((profile) => profile.deviceId !== deviceId);
  storage.setItem(PROFILES_KEY, JSON.stringify(remaining));
  if (storage.getItem(CURRENT_KEY) === deviceId) {
    const next = remaining.at(-1);
    if (next) storage.setItem(CURRENT_KEY, next.deviceId);
    else storage.removeItem(CURRENT_KEY);
  }
}

/** The current profile, or the most recently activated one. */
export function getCurrentDeviceProfile(storage: KeyValueStorage = browserStorage()): DeviceProfile | null {
  const profiles = listDeviceProfiles(storage);
  const currentId = storage.getItem(CURRENT_KEY);
  return profiles.find((profile) => profile.deviceId === currentId) ?? profiles.at(-1) ?? null;
}

/** The console's link form: `?config=<base64url of the AppConfiguration JSON>`. */
export function encodeConfigurationParam(configuration: AppConfiguration): string {
  return textToBase64Url(JSON.stringify(configuration));
}

export function decodeConfigurationParam(param: string): AppConfiguration | null {
  try {
    return parseConfigurationText(base64UrlToText(param));
  } catch {
    return null;
  }
}

export function parseConfigurationText(text: string): AppConfiguration | null {
  try {
    const checked = validateAppConfiguration(JSON.parse(text));
    return checked.ok ? checked.value : null;
  } catch {
    return null;
  }
}

export type ScannedContent = { configuration: AppConfiguration | null; activationCode: string | null };

/**
 * Reads what a QR code held: the configuration JSON, an /authenticator link with `config`
 * and/or `code`, or a bare activation code.
 */
export function parseScannedText(text: string): ScannedContent {
  const trimmed = text.trim();
  const configuration = parseConfigurationText(trimmed);
  if (configuration) return { configuration, activationCode: null };
  if (/^https?:\/\//i.test(trimmed) && URL.canParse(trimmed)) {
    const params = new URL(trimmed).searchParams;
    const config = params.get("config");
    const code = params.get("code");
    return {
      configuration: config ? decodeConfigurationParam(config) : null,
      activationCode: code && /^\d{10}$/.test(normalizeActivationCode(code)) ? normalizeActivationCode(code) : null,
    };
  }
  const digits = normalizeActivationCode(trimmed);
  return { configuration: null, activationCode: /^\d{10}$/.test(digits) ? digits : null };
}

export function browserName(userAgent: string): string {
  if (/Edg\//.test(userAgent)) return "Edge";
  if (/OPR\//.test(userAgent)) return "Opera";
  if (/Firefox\//.test(userAgent) || /FxiOS/.test(userAgent)) return "Firefox";
  if (/Chrome\//.test(userAgent) || /CriOS/.test(userAgent) || /Chromium\//.test(userAgent)) return "Chrome";
  if (/Safari\//.test(userAgent)) return "Safari";
  return "Browser";
}

export function defaultDeviceName(userAgent: string): string {
  return `Virtual app · ${browserName(userAgent)}`;
}
