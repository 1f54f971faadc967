"use client";

/**
 * The virtual Authenticator App's state: which screen to show (configure, activate, home, devices,
 * proofing), what this browser remembers (its device profiles), the key of the current device,
 * and what each screen's actions do to them.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActivationResponse, AppConfiguration } from "@/lib/emulator/app-protocol";
import { verifyConfiguration } from "@/lib/authenticator/app-client";
import { deleteDeviceKeyPair, loadDeviceKeyPair } from "@/lib/authenticator/device-keys";
import { describeRequestError, type PlainError } from "@/lib/authenticator/error-messages";
import {
  decodeConfigurationParam,
  getCurrentDeviceProfile,
  listDeviceProfiles,
  loadConfiguration,
  removeDeviceProfile,
  saveConfiguration,
  selectDeviceProfile,
  updateDeviceProfile,
  type DeviceProfile,
  type StoredConfiguration,
} from "@/lib/authenticator/profiles";
import type { SigningDevice } from "@/lib/authenticator/signed-fetch";
import { normalizeActivationCode } from "@/lib/authenticator/validation";
import type { ConfigurationCheck } from "./configuration-summary";
import type { ProofingOperation } from "./proofing-flow";
import type { AppStep } from "./step-indicator";

export type View = { name: "loading" | "configure" | "activate" | "home" | "devices" } | { name: "proofing"; operation: ProofingOperation };

export function useAuthenticator({ configParam, codeParam }: { configParam: string | null; codeParam: string | null }) {
  const [view, setView] = useState<View>({ name: "loading" });
  const [configuration, setConfiguration] = useState<StoredConfiguration | null>(null);
  const [check, setCheck] = useState<ConfigurationCheck>({ state: "checking" });
  const [linkNotice, setLinkNotice] = useState<string | null>(null);
  const [pendingCode, setPendingCode] = useState<string | null>(null);
  const [profile, setProfile] = useState<DeviceProfile | null>(null);
  const [profiles, setProfiles] = useState<DeviceProfile[]>([]);
  const [flash, setFlash] = useState<string | null>(null);
  const [device, setDevice] = useState<SigningDevice | null>(null);
  const [keyError, setKeyError] = useState<PlainError | null>(null);
  const [proofingStep, setProofingStep] = useState<AppStep>("Document");
  const loadedProfileId = useRef<string | null>(null);

  const runCheck = useCallback(async (candidate: StoredConfiguration) => {
    setCheck({ state: "checking" });
    try {
      const answer = await verifyConfiguration(candidate);
      const checked = { ...candidate, accountName: answer.accountName };
      saveConfiguration(checked);
      setConfiguration(checked);
      setCheck({ state: "ok", accountName: answer.accountName });
    } catch (error) {
      setCheck({ state: "error", error: describeRequestError(error, "configuration") });
    }
  }, []);

  // Reads the link and what this browser remembers, once.
  useEffect(() => {
    const fromLink = configParam ? decodeConfigurationParam(configParam) : null;
    if (configParam && !fromLink) setLinkNotice("The configuration in this link could not be read. Connect the app another way below.");
    const stored = loadConfiguration();
    let current: StoredConfiguration | null = stored;
    if (fromLink) {
      const same = stored && stored.serverUrl === fromLink.serverUrl && stored.applicationId === fromLink.applicationId;
      current = { ...fromLink, accountName: same ? stored.accountName : null };
      saveConfiguration(current);
    }
    const code = codeParam ? normalizeActivationCode(codeParam) : null;
    const currentProfile = getCurrentDeviceProfile();
    setConfiguration(current);
    setPendingCode(code);
    setProfile(currentProfile);
    setProfiles(listDeviceProfiles());
    if (current) void runCheck(current);
    setView(code ? { name: current ? "activate" : "configure" } : { name: currentProfile ? "home" : current ? "activate" : "configure" });
  }, [configParam, codeParam, runCheck]);

  // The current device's key, from IndexedDB.
  useEffect(() => {
    if (!profile) return;
    if (device && loadedProfileId.current === profile.profileId) return;
    let cancelled = false;
    setDevice(null);
    setKeyError(null);
    loadDeviceKeyPair(profile.profileId)
      .then((pair) => {
        if (cancelled) return;
        loadedProfileId.current = profile.profileId;
        if (pair) setDevice({ deviceId: profile.deviceId, privateKey: pair.privateKey });
        else
          setKeyError({
            title: "This device's key is missing",
            message: "The browser no longer holds the key of this device (site data cleared?). Forget the device and activate again with a new code.",
            technical: null,
          });
      })
      .catch((error: unknown) => {
        if (!cancelled) setKeyError({ title: "Cannot read this device's key", message: error instanceof Error ? error.message : String(error), technical: null });
      });
    return () => {
      cancelled = true;
    };
    // Only a switch of profile loads another key (a rename gives a new profile object, same key).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the profile's id on purpose, see above; `device` is what this effect sets
  }, [profile?.profileId]);

  function onConfigured(next: StoredConfiguration) {
    saveConfiguration(next);
    setConfiguration(next);
    setCheck({ state: "ok", accountName: next.accountName ?? next.applicationId });
    setLinkNotice(null);
    setView({ name: "activate" });
  }

  /** A scanned "open the virtual app" link can carry another configuration along with its code. */
  function onScannedConfiguration(next: AppConfiguration, code: string | null) {
    const same = configuration && configuration.serverUrl === next.serverUrl && configuration.applicationId === next.applicationId;
    const stored = { ...next, accountName: same ? configuration.accountName : null };
    saveConfiguration(stored);
    setConfiguration(stored);
    if (code) setPendingCode(code);
    void runCheck(stored);
  }

  function onActivated(result: { profile: DeviceProfile; response: ActivationResponse; keyPair: CryptoKeyPair }) {
    loadedProfileId.current = result.profile.profileId;
    setProfile(result.profile);
    setProfiles(listDeviceProfiles());
    setDevice({ deviceId: result.profile.deviceId, privateKey: result.keyPair.privateKey });
    setKeyError(null);
    setPendingCode(null);
    setFlash(null);
    // A reload must not offer the used code again.
    window.history.replaceState(null, "", window.location.pathname);
    const proofing = result.response.operations.find((operation): operation is ProofingOperation => operation.type === "proofing");
    setView(proofing ? { name: "proofing", operation: proofing } : { name: "home" });
  }

  function showProfile(next: DeviceProfile | null) {
    loadedProfileId.current = null;
    setProfile(next);
    setProfiles(listDeviceProfiles());
    setDevice(null);
    setKeyError(null);
  }

  function selectProfile(profileId: string) {
    const next = selectDeviceProfile(profileId);
    if (next && next.profileId !== profile?.profileId) showProfile(next);
    setFlash(null);
    setView({ name: "home" });
  }

  /** Forgets the current device here: its profile and its key (the server was told already, or refuses the device). */
  async function forgetCurrent(message: string) {
    if (!profile) return;
    removeDeviceProfile(profile.profileId);
    await deleteDeviceKeyPair(profile.profileId).catch(() => undefined);
    const next = getCurrentDeviceProfile();
    showProfile(next);
    setFlash(message);
    setView({ name: next ? "home" : configuration ? "activate" : "configure" });
  }

  const onStateSeen = useCallback(
    (state: string) => {
      if (!profile || profile.lastKnownState === state) return;
      const updated = updateDeviceProfile(profile.profileId, { lastKnownState: state });
      if (updated) {
        setProfile(updated);
        setProfiles(listDeviceProfiles());
      }
    },
    [profile],
  );

  function onRenamed(deviceName: string) {
    if (!profile) return;
    const updated = updateDeviceProfile(profile.profileId, { deviceName });
    if (updated) setProfile(updated);
    setProfiles(listDeviceProfiles());
  }

  function addDevice() {
    setFlash(null);
    setPendingCode(null);
    setView({ name: configuration ? "activate" : "configure" });
  }

  return {
    view,
    setView,
    configuration,
    check,
    linkNotice,
    pendingCode,
    setPendingCode,
    profile,
    profiles,
    flash,
    setFlash,
    device,
    keyError,
    proofingStep,
    setProofingStep,
    runCheck,
    onConfigured,
    onScannedConfiguration,
    onActivated,
    selectProfile,
    forgetCurrent,
    onStateSeen,
    onRenamed,
    addDevice,
  };
}
