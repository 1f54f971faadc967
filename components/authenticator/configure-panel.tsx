"use client";

/** Step 1: get and check the app configuration (console emulator, QR code, or typed values). */
import { useState } from "react";
import type { AppConfiguration } from "@/lib/emulator/app-protocol";
import { fetchConsoleEmulatorConfiguration, verifyConfiguration } from "@/lib/authenticator/app-client";
import { describeRequestError, type PlainError } from "@/lib/authenticator/error-messages";
import { parseScannedText, type StoredConfiguration } from "@/lib/authenticator/profiles";
import { validateAppConfiguration, type FieldErrors } from "@/lib/authenticator/validation";
import { QrIcon, QrScanPanel } from "./qr-scan-panel";
import { Button, Card, ErrorNotice, Notice, SectionTitle, TextField } from "./ui";

type Busy = null | "emulator" | "typed" | "scanned";

export async function connectConfiguration(configuration: AppConfiguration): Promise<StoredConfiguration> {
  const answer = await verifyConfiguration(configuration);
  return { ...configuration, accountName: answer.accountName };
}

export function ConfigurePanel({
  initial,
  notice,
  pendingCode,
  onConfigured,
  onScannedCode,
  onCancel,
}: {
  initial: AppConfiguration | null;
  notice: string | null;
  pendingCode: string | null;
  onConfigured: (configuration: StoredConfiguration) => void;
  onScannedCode: (code: string) => void;
  onCancel: (() => void) | null;
}) {
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<PlainError | null>(null);
  const [scanning, setScanning] = useState(false);
  const [typing, setTyping] = useState(initial !== null);
  const [values, setValues] = useState<AppConfiguration>(initial ?? { applicationId: "", publicKey: "", serverUrl: "" });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<keyof AppConfiguration>>({});

  async function connect(source: Exclude<Busy, null>, load: () => Promise<AppConfiguration>) {
    setBusy(source);
    setError(null);
    try {
      const configuration = await load();
      onConfigured(await connectConfiguration(configuration));
    } catch (caught) {
      setError(describeRequestError(caught, "configuration"));
    } finally {
      setBusy(null);
    }
  }

  function useConsoleEmulator() {
    void connect("emulator", () => fetchConsoleEmulatorConfiguration(window.location.origin));
  }

  function submitTyped(event: React.FormEvent) {
    event.preventDefault();
    const checked = validateAppConfiguration(values);
    if (!checked.ok) {
      setFieldErrors(checked.errors);
      return;
    }
    setFieldErrors({});
    void connect("typed", () => Promise.resolve(checked.value));
  }

  function onScanned(text: string) {
    setScanning(false);
    const scanned = parseScannedText(text);
    if (scanned.activationCode) onScannedCode(scanned.activationCode);
    if (scanned.configuration) {
      const configuration = scanned.configuration;
      setValues(configuration);
      void connect("scanned", () => Promise.resolve(configuration));
    } else {
      setError({
        title: "Not a configuration QR code",
        message: 'That QR code does not hold an app configuration. Scan the "App configuration" QR code the console shows.',
        technical: text.length > 120 ? `${text.slice(0, 120)}…` : text,
      });
    }
  }

  const field = (name: keyof AppConfiguration) => ({
    value: values[name],
    error: fieldErrors[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <div className="space-y-5">
      <SectionTitle description="The app needs to know which server and application it belongs to. The console shows this as “App configuration”.">Connect the app</SectionTitle>

      {notice ? <Notice tone="warning">{notice}</Notice> : null}
      {pendingCode ? (
        <Notice tone="info">
          Activation code <span className="font-mono font-semibold">{pendingCode}</span> is kept for the next step.
        </Notice>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}

      <Card className="space-y-3">
        <div>
          <p className="font-semibold text-slate-900">Same console as this page</p>
          <p className="text-sm text-slate-600">
            Uses the emulator built into the console at <span className="font-mono">{typeof window === "undefined" ? "" : window.location.host}</span>.
          </p>
        </div>
        <Button className="w-full" busy={busy === "emulator"} busyLabel="Connecting…" disabled={busy !== null} onClick={useConsoleEmulator}>
          Use this console&apos;s emulator
        </Button>
      </Card>

      <Card className="space-y-3">
        <p className="font-semibold text-slate-900">Another console or account</p>
        {scanning ? (
          <QrScanPanel title="Scan the console's configuration QR code" onText={onScanned} onClose={() => setScanning(false)} />
        ) : (
          <Button variant="secondary" className="w-full" disabled={busy !== null} busy={busy === "scanned"} onClick={() => setScanning(true)}>
            <QrIcon /> Scan configuration QR code
          </Button>
        )}
        {!typing ? (
          <Button variant="ghost" className="w-full" onClick={() => setTyping(true)}>
            Type the configuration instead
          </Button>
        ) : (
          <form className="space-y-3 border-t border-slate-100 pt-3" onSubmit={submitTyped} noValidate>
            <TextField label="Application id" autoComplete="off" spellCheck={false} {...field("applicationId")} />
            <TextField label="Public key" autoComplete="off" spellCheck={false} hint="The base64 key shown beside the application id." {...field("publicKey")} />
            <TextField label="Server URL" type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://console.example/emulator/encore/encap" {...field("serverUrl")} />
            <Button type="submit" variant="secondary" className="w-full" busy={busy === "typed"} busyLabel="Checking…" disabled={busy !== null}>
              Save and check
            </Button>
          </form>
        )}
      </Card>

      {onCancel ? (
        <Button variant="ghost" className="w-full" onClick={onCancel}>
          Keep the current configuration
        </Button>
      ) : null}
    </div>
  );
}
