"use client";

/** Home: this browser's device and what is waiting for it. */
import type { PendingOperation } from "@/lib/emulator/app-protocol";
import type { PlainError } from "@/lib/authenticator/error-messages";
import type { DeviceProfile } from "@/lib/authenticator/profiles";
import type { SigningDevice } from "@/lib/authenticator/signed-fetch";
import type { ProofingOperation } from "./proofing-flow";
import { Button, Card, DefinitionRow, ErrorNotice, SectionTitle, Spinner } from "./ui";
import { useDeviceStatus } from "./use-device-status";

export function DeviceHome({
  profile,
  device,
  keyError,
  onStartProofing,
  onActivateAnother,
  onChangeConfiguration,
  onForget,
}: {
  profile: DeviceProfile;
  device: SigningDevice | null;
  keyError: PlainError | null;
  onStartProofing: (operation: ProofingOperation) => void;
  onActivateAnother: () => void;
  onChangeConfiguration: () => void;
  onForget: () => void;
}) {
  const status = useDeviceStatus(profile.serverUrl, device);
  const state = status.data?.device.state ?? (status.gone ? "UNKNOWN" : null);
  const operations = status.data?.operations ?? [];

  return (
    <div className="space-y-6">
      <SectionTitle description={profile.accountName ? `Activated for ${profile.accountName}.` : undefined}>My device</SectionTitle>

      <Card>
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="text-lg font-semibold text-slate-900">{status.data?.device.deviceName ?? profile.deviceName}</p>
            <p className="truncate text-sm text-slate-500">{hostOf(profile.serverUrl)}</p>
          </div>
          <StateBadge state={state} />
        </div>
        <dl className="mt-3 divide-y divide-slate-100 border-t border-slate-100">
          <DefinitionRow term="Device id" mono>
            {profile.deviceId}
          </DefinitionRow>
          <DefinitionRow term="User id" mono>
            {profile.userId}
          </DefinitionRow>
          <DefinitionRow term="Activated">{new Date(profile.activatedAt).toLocaleString()}</DefinitionRow>
        </dl>
      </Card>

      {keyError ? <ErrorNotice error={keyError} /> : null}
      {status.error ? (
        <ErrorNotice
          error={status.error}
          action={
            status.gone ? (
              <Button variant="danger" className="min-h-10 text-sm" onClick={onForget}>
                Forget this device
              </Button>
            ) : undefined
          }
        />
      ) : null}

      <section aria-labelledby="pending-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <h2 id="pending-heading" className="text-base font-semibold text-slate-900">
            Waiting for this device
          </h2>
          <Button variant="ghost" className="min-h-10 px-3 text-sm" onClick={status.refresh} disabled={!device} busy={status.refreshing}>
            Refresh
          </Button>
        </div>
        {!status.data && !status.error ? (
          <p className="flex items-center gap-2 rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            <Spinner className="size-4" /> Asking the server…
          </p>
        ) : operations.length === 0 && status.data ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            Nothing is waiting. Start an onboarding or a step-up in the console; it appears here within a few seconds.
          </p>
        ) : (
          <ul className="grid gap-3">
            {operations.map((operation) => (
              <li key={operationKey(operation)}>
                <OperationCard operation={operation} onStartProofing={onStartProofing} />
              </li>
            ))}
          </ul>
        )}
        {status.updatedAt ? <p className="text-xs text-slate-400">Updated {status.updatedAt.toLocaleTimeString()} · refreshes every 3 seconds</p> : null}
      </section>

      <div className="grid gap-2 border-t border-slate-200 pt-4">
        <Button variant="secondary" onClick={onActivateAnother}>
          Activate with a new code
        </Button>
        <Button variant="ghost" onClick={onChangeConfiguration}>
          Change configuration
        </Button>
      </div>
    </div>
  );
}

function OperationCard({ operation, onStartProofing }: { operation: PendingOperation; onStartProofing: (operation: ProofingOperation) => void }) {
  if (operation.type === "proofing") {
    return (
      <Card className="space-y-3 border-indigo-200 bg-indigo-50/50">
        <div>
          <p className="font-semibold text-slate-900">Identity verification</p>
          <p className="text-sm text-slate-600">
            {operation.flow === "stepup" ? "Step-up" : "Onboarding"} · {operation.provider === "readid" ? "ReadID" : "VideoID"} ·{" "}
            {operation.documentTypes.length} document type{operation.documentTypes.length === 1 ? "" : "s"} · expires{" "}
            {new Date(operation.expiresAt).toLocaleTimeString()}
          </p>
        </div>
        <Button className="w-full" onClick={() => onStartProofing(operation)}>
          Start identity check
        </Button>
      </Card>
    );
  }
  return (
    <Card className="space-y-1">
      <p className="font-semibold text-slate-900">{operation.stepUp ? "Step-up sign-in request" : "Sign-in request"}</p>
      <p className="text-sm text-slate-600">Expires {new Date(operation.expiresAt).toLocaleTimeString()}.</p>
      <p className="text-sm text-slate-500">Answering sign-in requests comes in a later version of this app; use the console&apos;s simulator meanwhile.</p>
    </Card>
  );
}

function StateBadge({ state }: { state: string | null }) {
  if (!state) return <span className="rounded-full bg-slate-100 px-2.5 py-1 text-xs font-semibold text-slate-500">…</span>;
  const active = state.toUpperCase() === "ACTIVE";
  return (
    <span className={`shrink-0 rounded-full px-2.5 py-1 text-xs font-semibold ${active ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-800"}`}>
      {state}
    </span>
  );
}

function operationKey(operation: PendingOperation): string {
  return operation.type === "proofing" ? `proofing-${operation.processId}` : `authentication-${operation.authenticationId}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
