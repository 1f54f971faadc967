"use client";

/** Who this device is (id, name, state and what it means, user, dates), with rename and remove. */
import { useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import type { DeviceResponse } from "@/lib/emulator/app-protocol";
import { removeDevice, renameDevice } from "@/lib/authenticator/app-client";
import type { DeviceStateView } from "@/lib/authenticator/device-state";
import { describeRequestError, type PlainError } from "@/lib/authenticator/error-messages";
import type { DeviceProfile } from "@/lib/authenticator/profiles";
import type { SigningDevice } from "@/lib/authenticator/signed-fetch";
import { DEVICE_NAME_MAX, deviceNameError } from "@/lib/authenticator/validation";
import { DeviceStateBadge } from "./device-state-badge";
import { Button, Card, DefinitionRow, ErrorNotice, Notice, TextField } from "./ui";

type Mode = { kind: "view" } | { kind: "rename" } | { kind: "confirm-remove" };

export function DeviceProfileCard({
  profile,
  serverDevice,
  stateView,
  device,
  onRenamed,
  onRemoved,
  onForget,
}: {
  profile: DeviceProfile;
  serverDevice: DeviceResponse["device"] | null;
  stateView: DeviceStateView;
  device: SigningDevice | null;
  onRenamed: (deviceName: string) => void;
  onRemoved: () => void;
  onForget: () => void;
}) {
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const [renamed, setRenamed] = useState<string | null>(null);
  const name = serverDevice?.deviceName ?? profile.deviceName;
  const canAct = stateView.usable && device !== null;
  const stateKnown = stateView.tone !== "unknown" || serverDevice !== null;

  return (
    <Card className="space-y-3">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Device name</p>
          <p className="break-words text-lg font-semibold text-slate-900" data-testid="device-name">
            {name}
          </p>
          <p className="truncate text-sm text-slate-500">
            {profile.accountName ? `${profile.accountName} · ` : ""}
            {hostOf(profile.serverUrl)}
          </p>
        </div>
        <DeviceStateBadge view={stateView} testId="device-state" />
      </div>

      {stateKnown ? (
        <p className={`rounded-xl px-3 py-2 text-sm ${stateView.usable ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-950"}`} data-testid="device-state-meaning">
          {stateView.meaning}
        </p>
      ) : null}

      {renamed && mode.kind === "view" ? <Notice tone="success">Renamed to “{renamed}”.</Notice> : null}

      <dl className="divide-y divide-slate-100 border-t border-slate-100">
        <DefinitionRow term="Device id" mono>
          {profile.deviceId}
        </DefinitionRow>
        <DefinitionRow term="User id" mono>
          {profile.userId || "—"}
        </DefinitionRow>
      </dl>
      {/* Its own list: a dl may hold only dt/dd groups, not a grid wrapped around them. */}
      <dl className="grid grid-cols-2 gap-x-4 border-t border-slate-100">
        <DefinitionRow term="Created">
          <DateTime value={serverDevice?.createdAt ?? profile.activatedAt} />
        </DefinitionRow>
        <DefinitionRow term="Last used">{serverDevice ? serverDevice.lastUsedAt ? <DateTime value={serverDevice.lastUsedAt} style="relative" /> : "Never" : "Unknown"}</DefinitionRow>
      </dl>

      {mode.kind === "rename" && device ? (
        <RenameForm
          serverUrl={profile.serverUrl}
          device={device}
          currentName={name}
          onCancel={() => setMode({ kind: "view" })}
          onDone={(next) => {
            setRenamed(next);
            setMode({ kind: "view" });
            onRenamed(next);
          }}
        />
      ) : mode.kind === "confirm-remove" && device ? (
        <RemoveConfirmation serverUrl={profile.serverUrl} device={device} name={name} onCancel={() => setMode({ kind: "view" })} onRemoved={onRemoved} />
      ) : canAct ? (
        <div className="grid gap-2 border-t border-slate-100 pt-3">
          <Button variant="secondary" onClick={() => (setRenamed(null), setMode({ kind: "rename" }))}>
            Rename device
          </Button>
          <Button variant="danger" onClick={() => setMode({ kind: "confirm-remove" })}>
            Remove this device
          </Button>
        </div>
      ) : !stateView.usable && stateKnown ? (
        <div className="border-t border-slate-100 pt-3">
          <Button variant="danger" className="w-full text-sm" onClick={onForget}>
            Forget this device on this browser
          </Button>
          <p className="mt-1 text-xs text-slate-500">Deletes its key here; the server is not asked (it refuses this device).</p>
        </div>
      ) : null}
    </Card>
  );
}

function RenameForm({ serverUrl, device, currentName, onCancel, onDone }: { serverUrl: string; device: SigningDevice; currentName: string; onCancel: () => void; onDone: (name: string) => void }) {
  const [value, setValue] = useState(currentName);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<PlainError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const problem = deviceNameError(value);
    setFieldError(problem);
    if (problem) return;
    const name = value.trim();
    setBusy(true);
    setError(null);
    try {
      await renameDevice(serverUrl, device, name);
      onDone(name);
    } catch (caught) {
      setError(describeRequestError(caught, "rename"));
      setBusy(false);
    }
  }

  return (
    <form className="space-y-3 border-t border-slate-100 pt-3" onSubmit={submit} noValidate aria-label="Rename device">
      <TextField
        label="Device name"
        value={value}
        autoFocus
        maxLength={DEVICE_NAME_MAX + 20}
        onChange={(event) => {
          setValue(event.target.value);
          if (fieldError) setFieldError(null);
        }}
        error={fieldError}
        hint={`1 to ${DEVICE_NAME_MAX} characters. Shown in the console's device list.`}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy} busyLabel="Saving…">
          Save name
        </Button>
      </div>
    </form>
  );
}

function RemoveConfirmation({ serverUrl, device, name, onCancel, onRemoved }: { serverUrl: string; device: SigningDevice; name: string; onCancel: () => void; onRemoved: () => void }) {
  const [error, setError] = useState<PlainError | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await removeDevice(serverUrl, device);
      onRemoved();
    } catch (caught) {
      setError(describeRequestError(caught, "remove"));
      setBusy(false);
    }
  }

  return (
    <div role="group" aria-labelledby="remove-device-question" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-3">
      <p id="remove-device-question" className="font-semibold text-red-900">
        Remove “{name}”?
      </p>
      <p className="text-sm text-red-900">The server forgets this device and this browser deletes its key. The user can no longer sign in with it; a new device needs a new activation code.</p>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="grid gap-2">
        <Button variant="destructive" busy={busy} busyLabel="Removing…" onClick={() => void remove()}>
          Remove device
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Keep it
        </Button>
      </div>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
