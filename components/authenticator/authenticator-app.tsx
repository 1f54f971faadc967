"use client";

/**
 * The virtual Authenticator App: the screen its state (`useAuthenticator`) calls for, inside the
 * phone-like shell, with the requests waiting for the device announced on every other screen.
 */
import { lazy, Suspense, useCallback, useEffect, type ReactNode } from "react";
import { ActivatePanel } from "./activate-panel";
import { AppShell } from "./app-shell";
import { DeviceHome } from "./device-home";
import { IncomingRequestBanner } from "./incoming-request-banner";
import { useIncomingRequests } from "./use-incoming-requests";
import { Button, ErrorNotice, Notice, Spinner } from "./ui";
import { useAuthenticator } from "./use-authenticator";

// The screens a phone seldom or not yet needs load when shown, not with the page: the
// configuration form (a link from the console brings the configuration along), the device list,
// and the proofing capture, which is fetched ahead while the activation or home screen is open.
const loadProofingFlow = () => import("./proofing-flow");
const ProofingFlow = lazy(() => loadProofingFlow().then((module) => ({ default: module.ProofingFlow })));
const ConfigurePanel = lazy(() => import("./configure-panel").then((module) => ({ default: module.ConfigurePanel })));
const DeviceSwitcher = lazy(() => import("./device-switcher").then((module) => ({ default: module.DeviceSwitcher })));

function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="flex items-center justify-center gap-2 py-16 text-slate-600">
      <Spinner /> {children}
    </p>
  );
}

/** A lazily loaded screen, with the app's spinner until its code has arrived. */
function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading>Loading…</Loading>}>{children}</Suspense>;
}

export function AuthenticatorApp({ configParam, codeParam }: { configParam: string | null; codeParam: string | null }) {
  const app = useAuthenticator({ configParam, codeParam });
  const { view, setView, configuration, check, pendingCode, profile, profiles, flash, setFlash, device, keyError, runCheck } = app;

  // Each screen starts at its top, whatever was scrolled on the one before.
  useEffect(() => {
    window.scrollTo({ top: 0 });
    // An activation or a proofing request on the home screen leads to the proofing capture.
    if (view.name === "activate" || view.name === "home") void loadProofingFlow().catch(() => undefined);
  }, [view.name]);

  const leaveProofing = useCallback(() => setView({ name: "home" }), [setView]);
  // The home screen shows requests itself; on every other screen they are announced here.
  const incoming = useIncomingRequests(profile?.serverUrl ?? null, device, view.name !== "home" && view.name !== "loading");
  const announcement = (
    <IncomingRequestBanner
      requests={incoming}
      accountName={profile?.accountName ?? null}
      onOpen={() => {
        setFlash(null);
        setView({ name: "home" });
      }}
    />
  );
  const flashNotice = flash ? (
    <div className="mb-5">
      <Notice tone="success">{flash}</Notice>
    </div>
  ) : null;

  switch (view.name) {
    case "loading":
      return (
        <AppShell step={null}>
          <Loading>Opening the app…</Loading>
        </AppShell>
      );
    case "configure":
      return (
        <AppShell step="Configure" announcement={announcement}>
          <Lazy>
            <ConfigurePanel
              initial={configuration}
              notice={app.linkNotice}
              pendingCode={pendingCode}
              onConfigured={app.onConfigured}
              onScannedCode={app.setPendingCode}
              onCancel={configuration ? () => setView({ name: profile && !pendingCode ? "home" : "activate" }) : profile ? () => setView({ name: "home" }) : null}
            />
          </Lazy>
        </AppShell>
      );
    case "activate":
      if (!configuration) return null;
      return (
        <AppShell step="Activate" announcement={announcement}>
          {flashNotice}
          <ActivatePanel
            key={`${pendingCode ?? "no-code"}-${configuration.serverUrl}-${configuration.applicationId}`}
            adding={profiles.length > 0}
            configuration={configuration}
            check={check}
            initialCode={pendingCode}
            onRetryCheck={() => void runCheck(configuration)}
            onChangeConfiguration={() => setView({ name: "configure" })}
            onActivated={app.onActivated}
            onScannedConfiguration={app.onScannedConfiguration}
            onCancel={profile ? () => setView({ name: "home" }) : null}
          />
        </AppShell>
      );
    case "home":
      if (!profile) return null;
      return (
        <AppShell step={null}>
          {flashNotice}
          <DeviceHome
            key={profile.profileId}
            profile={profile}
            profileCount={profiles.length}
            device={device}
            keyError={keyError}
            onStartProofing={(operation) => setView({ name: "proofing", operation })}
            onShowDevices={() => (setFlash(null), setView({ name: "devices" }))}
            onAddDevice={app.addDevice}
            onRenamed={app.onRenamed}
            onStateSeen={app.onStateSeen}
            onRemoved={() => void app.forgetCurrent(`“${profile.deviceName}” was removed: the server forgot it and its key was deleted from this browser.`)}
            onForget={() => void app.forgetCurrent(`“${profile.deviceName}” was forgotten on this browser.`)}
          />
        </AppShell>
      );
    case "devices":
      return (
        <AppShell step={null} announcement={announcement}>
          <Lazy>
            <DeviceSwitcher
              profiles={profiles}
              currentProfileId={profile?.profileId ?? null}
              onSelect={app.selectProfile}
              onAdd={app.addDevice}
              onBack={profile ? () => setView({ name: "home" }) : null}
            />
          </Lazy>
        </AppShell>
      );
    case "proofing":
      return (
        <AppShell step={app.proofingStep} announcement={announcement}>
          {profile && device ? (
            <Lazy>
              <ProofingFlow serverUrl={profile.serverUrl} device={device} operation={view.operation} onStepChange={app.setProofingStep} onLeave={leaveProofing} />
            </Lazy>
          ) : keyError ? (
            <div className="space-y-3">
              <ErrorNotice error={keyError} />
              <Button variant="secondary" className="w-full" onClick={leaveProofing}>
                Back to my device
              </Button>
            </div>
          ) : (
            <Loading>Loading this device&apos;s key…</Loading>
          )}
        </AppShell>
      );
  }
}
