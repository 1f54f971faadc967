"use client";

/** Step 2: the activation code (typed, scanned or from the link) and the device name. */
import { useState } from "react";
import type { ActivationResponse, AppConfiguration } from "@/lib/emulator/app-protocol";
import { activateThisBrowser } from "@/lib/authenticator/activation";
import { describeRequestError, type PlainError } from "@/lib/authenticator/error-messages";
import { defaultDeviceName, parseScannedText, type DeviceProfile, type StoredConfiguration } from "@/lib/authenticator/profiles";
import { activationCodeError, DEVICE_NAME_MAX, deviceNameError, normalizeActivationCode } from "@/lib/authenticator/validation";
import type { ConfigurationCheck } from "./configuration-summary";
import { ConfigurationSummary } from "./configuration-summary";
import { QrIcon, QrScanPanel } from "./qr-scan-panel";
import { Button, ErrorNotice, Notice, SectionTitle, TextField } from "./ui";

export function ActivatePanel({
  adding,
  configuration,
  check,
  initialCode,
  onRetryCheck,
  onChangeConfiguration,
  onActivated,
  onScannedConfiguration,
  onCancel,
}: {
  /** Devices already exist in this browser: this one is another. */
  adding: boolean;
  configuration: StoredConfiguration;
  check: ConfigurationCheck;
  initialCode: string | null;
  onRetryCheck: () => void;
  onChangeConfiguration: () => void;
  onActivated: (result: { profile: DeviceProfile; response: ActivationResponse; keyPair: CryptoKeyPair }) => void;
  /** A scanned link or configuration QR code named another server or application. */
  onScannedConfiguration: (configuration: AppConfiguration, activationCode: string | null) => void;
  onCancel: (() => void) | null;
}) {
  const [code, setCode] = useState(initialCode ?? "");
  const [deviceName, setDeviceName] = useState(() => (typeof navigator === "undefined" ? "Virtual app" : defaultDeviceName(navigator.userAgent)));
  const [codeError, setCodeError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<PlainError | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const problem = activationCodeError(code);
    const name = deviceName.trim();
    const nameProblem = deviceNameError(deviceName);
    setCodeError(problem);
    setNameError(nameProblem);
    if (problem || nameProblem) return;
    setBusy(true);
    setError(null);
    try {
      onActivated(await activateThisBrowser(configuration, { activationCode: normalizeActivationCode(code), deviceName: name }));
    } catch (caught) {
      setError(describeRequestError(caught, "activation"));
      setBusy(false);
    }
  }

  function onScanned(text: string) {
    setScanning(false);
    const scanned = parseScannedText(text);
    const config = scanned.configuration;
    if (config && (config.serverUrl !== configuration.serverUrl || config.applicationId !== configuration.applicationId)) {
      // The panel is keyed by the configuration, so it comes back with the scanned code filled in.
      onScannedConfiguration(config, scanned.activationCode);
      return;
    }
    if (scanned.activationCode) {
      setCode(scanned.activationCode);
      setCodeError(null);
    } else if (config) {
      setCodeError("That QR code holds the app configuration this app already uses, but no activation code. Scan the activation code's QR code.");
    } else {
      setCodeError("That QR code holds no activation code.");
    }
  }

  return (
    <div className="space-y-5">
      <SectionTitle
        description={
          adding
            ? "Another device gets its own key in this browser. Start an onboarding in the console and enter its 10-digit activation code here."
            : "Start an onboarding in the console: it shows a 10-digit activation code. Enter it here to make this browser the user's device."
        }
      >
        {adding ? "Add another device" : "Activate this device"}
      </SectionTitle>

      <ConfigurationSummary configuration={configuration} check={check} onRetry={onRetryCheck} onChange={onChangeConfiguration} />

      {error ? <ErrorNotice error={error} /> : null}

      <form className="space-y-4" onSubmit={submit} noValidate>
        <div className="space-y-2">
          <TextField
            label="Activation code"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              if (codeError) setCodeError(null);
            }}
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder="12345 67890"
            maxLength={24}
            error={codeError}
            hint="10 digits. Spaces are ignored."
            className="[&_input]:font-mono [&_input]:text-xl [&_input]:tracking-widest"
          />
          {scanning ? (
            <QrScanPanel title="Scan the console's QR code" onText={onScanned} onClose={() => setScanning(false)} />
          ) : (
            <Button variant="secondary" className="w-full" onClick={() => setScanning(true)}>
              <QrIcon /> Scan QR code
            </Button>
          )}
        </div>
        <TextField
          label="Device name"
          value={deviceName}
          onChange={(event) => setDeviceName(event.target.value)}
          error={nameError}
          hint={`Shown in the console's device list (at most ${DEVICE_NAME_MAX} characters).`}
          maxLength={DEVICE_NAME_MAX + 20}
        />
        <Button type="submit" className="w-full" busy={busy} busyLabel="Activating…">
          Activate
        </Button>
        {busy ? <p className="text-center text-sm text-slate-500">Creating this device&apos;s key and registering it…</p> : null}
      </form>

      {check.state === "error" ? <Notice tone="info">You can still try to activate; if the server cannot be reached, the activation will say so.</Notice> : null}

      {onCancel ? (
        <Button variant="ghost" className="w-full" onClick={onCancel}>
          Back to my device
        </Button>
      ) : null}
    </div>
  );
}
