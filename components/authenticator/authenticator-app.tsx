"use client";

/**
 * The virtual Authenticator App: which screen to show (configure, activate, home, proofing),
 * what this browser remembers, and the key of the current device.
 */
import { useCallback, useEffect, useState } from "react";
import type { ActivationResponse } from "@/lib/emulator/app-protocol";
import { verifyConfiguration } from "@/lib/authenticator/app-client";
import { deleteDeviceKeyPair, loadDeviceKeyPair } from "@/lib/authenticator/device-keys";
import { describeRequestError, type PlainError } from "@/lib/authenticator/error-messages";
import {
  decodeConfigurationParam,
  getCurrentDeviceProfile,
  loadConfiguration,
  removeDeviceProfile,
  saveConfiguration,
  type DeviceProfile,
  type StoredConfiguration,
} from "@/lib/authenticator/profiles";
import type { SigningDevice } from "@/lib/authenticator/signed-fetch";
import { normalizeActivationCode } from "@/lib/authenticator/validation";
import { ActivatePanel } from "./activate-panel";
import { AppShell } from "./app-shell";
import type { ConfigurationCheck } from "./configuration-summary";
import { ConfigurePanel } from "./configure-panel";
import { DeviceHome } from "./device-home";
import { ProofingFlow, type ProofingOperation } from "./proofing-flow";
import type { AppStep } from "./step-indicator";
import { Button, ErrorNotice, Spinner } from "./ui";

type View = { name: "loading" | "configure" | "activate" | "home" } | { name: "proofing"; operation: ProofingOperation };

export function AuthenticatorApp({ configParam, codeParam }: { configParam: string | null; codeParam: string | null }) {
  const [view, setView] = useState<View>({ name: "loading" });
  const [configuration, setConfiguration] = useState<StoredConfiguration | null>(null);
  const [check, setCheck] = useState<ConfigurationCheck>({ state: "checking" });
  const [linkNotice, setLinkNotice] = useState<string | null>(null);
  const [pendingCode, setPendingCode] = useState<string | null>(null);
  const [profile, setProfile] = useState<DeviceProfile | null>(null);
  const [device, setDevice] = useState<SigningDevice | null>(null);
  const [keyError, setKeyError] = useState<PlainError | null>(null);
  const [proofingStep, setProofingStep] = useState<AppStep>("Document");

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
    if (current) void runCheck(current);
    setView(code ? { name: current ? "activate" : "configure" } : { name: currentProfile ? "home" : current ? "activate" : "configure" });
  }, [configParam, codeParam, runCheck]);

  // The current device's key, from IndexedDB.
  useEffect(() => {
    if (!profile) return;
    if (device?.deviceId === profile.deviceId) return;
    let cancelled = false;
    setDevice(null);
    setKeyError(null);
    loadDeviceKeyPair(profile.keyId)
      .then((pair) => {
        if (cancelled) return;
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
  }, [profile, device?.deviceId]);

  function onConfigured(next: StoredConfiguration) {
    saveConfiguration(next);
    setConfiguration(next);
    setCheck({ state: "ok", accountName: next.accountName ?? next.applicationId });
    setLinkNotice(null);
    setView({ name: "activate" });
  }

  function onActivated(result: { profile: DeviceProfile; response: ActivationResponse; keyPair: CryptoKeyPair }) {
    setProfile(result.profile);
    setDevice({ deviceId: result.profile.deviceId, privateKey: result.keyPair.privateKey });
    setKeyError(null);
    setPendingCode(null);
    // A reload must not offer the used code again.
    window.history.replaceState(null, "", window.location.pathname);
    const proofing = result.response.operations.find((operation): operation is ProofingOperation => operation.type === "proofing");
    setView(proofing ? { name: "proofing", operation: proofing } : { name: "home" });
  }

  async function forgetDevice() {
    if (!profile) return;
    removeDeviceProfile(profile.deviceId);
    await deleteDeviceKeyPair(profile.keyId).catch(() => undefined);
    const next = getCurrentDeviceProfile();
    setProfile(next);
    setDevice(null);
    setKeyError(null);
    setView({ name: next ? "home" : configuration ? "activate" : "configure" });
  }

  // Each screen starts at its top, whatever was scrolled on the one before.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [view.name]);

  const leaveProofing = useCallback(() => setView({ name: "home" }), []);

  switch (view.name) {
    case "loading":
      return (
        <AppShell step={null}>
          <p className="flex items-center justify-center gap-2 py-16 text-slate-600">
            <Spinner /> Opening the app…
          </p>
        </AppShell>
      );
    case "configure":
      return (
        <AppShell step="Configure">
          <ConfigurePanel
            initial={configuration}
            notice={linkNotice}
            pendingCode={pendingCode}
            onConfigured={onConfigured}
            onScannedCode={setPendingCode}
            onCancel={configuration ? () => setView({ name: profile && !pendingCode ? "home" : "activate" }) : null}
          />
        </AppShell>
      );
    case "activate":
      if (!configuration) return null;
      return (
        <AppShell step="Activate">
          <ActivatePanel
            key={pendingCode ?? "no-code"}
            configuration={configuration}
            check={check}
            initialCode={pendingCode}
            onRetryCheck={() => void runCheck(configuration)}
            onChangeConfiguration={() => setView({ name: "configure" })}
            onActivated={onActivated}
            onCancel={profile ? () => setView({ name: "home" }) : null}
          />
        </AppShell>
      );
    case "home":
      if (!profile) return null;
      return (
        <AppShell step={null}>
          <DeviceHome
            profile={profile}
            device={device}
            keyError={keyError}
            onStartProofing={(operation) => setView({ name: "proofing", operation })}
            onActivateAnother={() => setView({ name: configuration ? "activate" : "configure" })}
            onChangeConfiguration={() => setView({ name: "configure" })}
            onForget={() => void forgetDevice()}
          />
        </AppShell>
      );
    case "proofing":
      return (
        <AppShell step={proofingStep}>
          {profile && device ? (
            <ProofingFlow serverUrl={profile.serverUrl} device={device} operation={view.operation} onStepChange={setProofingStep} onLeave={leaveProofing} />
          ) : keyError ? (
            <div className="space-y-3">
              <ErrorNotice error={keyError} />
              <Button variant="secondary" className="w-full" onClick={leaveProofing}>
                Back to my device
              </Button>
            </div>
          ) : (
            <p className="flex items-center justify-center gap-2 py-16 text-slate-600">
              <Spinner /> Loading this device&apos;s key…
            </p>
          )}
        </AppShell>
      );
  }
}
