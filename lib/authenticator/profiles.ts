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

/** One device activated in this browser. Its key pair is in IndexedDB under `profileId`. */
export type DeviceProfile = {
  profileId: string;
  deviceId: string;
  userId: string;
  deviceName: string;
  serverUrl: string;
  applicationId: string;
  accountName: string | null;
  activatedAt: string;
  /** The state the server last reported (for the profile list; the device home asks the server). */
  lastKnownState: string | null;
};

type ProfileStore = { version: 2; currentProfileId: string | null; profiles: DeviceProfile[] };

const CONFIGURATION_KEY = "reuseid-authenticator:configuration";
const STORE_KEY = "reuseid-authenticator:profiles";
/** Version 1: a list of profiles whose key was under `keyId`, and the current one's deviceId. */
const LEGACY_PROFILES_KEY = "reuseid-authenticator:devices";
const LEGACY_CURRENT_KEY = "reuseid-authenticator:current-device";

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

const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;

function isProfile(value: unknown): value is DeviceProfile {
  const profile = value as Partial<DeviceProfile> | null;
  return Boolean(profile) && isText(profile?.profileId) && isText(profile?.deviceId) && isText(profile?.serverUrl);
}

/** A version-1 profile keeps its key: its `keyId` becomes the profile id. */
function migrateLegacyProfile(value: unknown): DeviceProfile | null {
  const legacy = value as Record<string, unknown> | null;
  if (!legacy || !isText(legacy.keyId) || !isText(legacy.deviceId) || !isText(legacy.serverUrl)) return null;
  return {
    profileId: legacy.keyId,
    deviceId: legacy.deviceId,
    userId: typeof legacy.userId === "string" ? legacy.userId : "",
    deviceName: typeof legacy.deviceName === "string" ? legacy.deviceName : "Virtual app",
    serverUrl: legacy.serverUrl,
    applicationId: typeof legacy.applicationId === "string" ? legacy.applicationId : "",
    accountName: typeof legacy.accountName === "string" ? legacy.accountName : null,
    activatedAt: typeof legacy.activatedAt === "string" ? legacy.activatedAt : new Date(0).toISOString(),
    lastKnownState: null,
  };
}

/** Reads the profiles, moving version-1 storage to the current shape the first time (transparently). */
function loadStore(storage: KeyValueStorage): ProfileStore {
  const stored = readJson<Partial<ProfileStore>>(storage, STORE_KEY);
  if (stored && stored.version === 2 && Array.isArray(stored.profiles)) {
    return { version: 2, currentProfileId: stored.currentProfileId ?? null, profiles: stored.profiles.filter(isProfile) };
  }
  const legacy = readJson<unknown[]>(storage, LEGACY_PROFILES_KEY);
  if (!Array.isArray(legacy)) return { version: 2, currentProfileId: null, profiles: [] };
  const profiles = legacy.map(migrateLegacyProfile).filter((profile): profile is DeviceProfile => profile !== null);
  const legacyCurrent = storage.getItem(LEGACY_CURRENT_KEY);
  const store: ProfileStore = { version: 2, currentProfileId: profiles.find((p) => p.deviceId === legacyCurrent)?.profileId ?? null, profiles };
  saveStore(store, storage);
  storage.removeItem(LEGACY_PROFILES_KEY);
  storage.removeItem(LEGACY_CURRENT_KEY);
  return store;
}

function saveStore(store: ProfileStore, storage: KeyValueStorage): void {
  storage.setItem(STORE_KEY, JSON.stringify(store));
}

export function listDeviceProfiles(storage: KeyValueStorage = browserStorage()): DeviceProfile[] {
  return loadStore(storage).profiles;
}

/** Adds or replaces a profile (by profile id) and makes it the current one. */
export function saveDeviceProfile(profile: DeviceProfile, storage: KeyValueStorage = browserStorage()): void {
  const store = loadStore(storage);
  const others = store.profiles.filter((existing) => existing.profileId !== profile.profileId);
  saveStore({ version: 2, currentProfileId: profile.profileId, profiles: [...others, profile] }, storage);
}

/** Changes what is remembered of a profile (name, last state) without making it current. */
export function updateDeviceProfile(profileId: string, changes: Partial<Pick<DeviceProfile, "deviceName" | "lastKnownState">>, storage: KeyValueStorage = browserStorage()): DeviceProfile | null {
  const store = loadStore(storage);
  let updated: DeviceProfile | null = null;
  const profiles = store.profiles.map((profile) => (profile.profileId === profileId ? (updated = { ...profile, ...changes }) : profile));
  if (updated) saveStore({ ...store, profiles }, storage);
  return updated;
}

export function selectDeviceProfile(profileId: string, storage: KeyValueStorage = browserStorage()): DeviceProfile | null {
  const store = loadStore(storage);
  const profile = store.profiles.find((candidate) => candidate.profileId === profileId) ?? null;
  if (profile) saveStore({ ...store, currentProfileId: profileId }, storage);
  return profile;
}

export function removeDeviceProfile(profileId: string, storage: KeyValueStorage = browserStorage()): void {
  const store = loadStore(storage);
  const remaining = store.profiles.filter((profile) => profile.profileId !== profileId);
  const currentProfileId = store.currentProfileId === profileId ? (remaining.at(-1)?.profileId ?? null) : store.currentProfileId;
  saveStore({ version: 2, currentProfileId, profiles: remaining }, storage);
}

/** The current profile, or the most recently activated one. */
export function getCurrentDeviceProfile(storage: KeyValueStorage = browserStorage()): DeviceProfile | null {
  const store = loadStore(storage);
  return store.profiles.find((profile) => profile.profileId === store.currentProfileId) ?? store.profiles.at(-1) ?? null;
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
