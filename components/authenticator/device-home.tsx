"use client";

/** Home: this browser's current device, what it is, and what is waiting for it. */
import { useCallback, useEffect, useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import { flowTypeLabel } from "@/lib/ui/labels";
import type { PendingOperation } from "@/lib/emulator/app-protocol";
import type { AuthenticationAnswerResult } from "@/lib/authenticator/app-client";
import { describeDeviceState } from "@/lib/authenticator/device-state";
import type { PlainError } from "@/lib/authenticator/error-messages";
import type { AuthenticationOperation } from "@/lib/authenticator/pending-authentication";
import type { DeviceProfile } from "@/lib/authenticator/profiles";
import type { SigningDevice } from "@/lib/authenticator/signed-fetch";
import { AuthenticationRequest, type AuthenticationOutcome } from "./authentication-request";
import { DeviceProfileCard } from "./device-profile-card";
import type { ProofingOperation } from "./proofing-flow";
import { Button, Card, ErrorNotice, Notice, SectionTitle, Spinner } from "./ui";
import { useDeviceStatus } from "./use-device-status";

/** How long to wait for the step-up's proofing to appear after its authentication was approved. */
const STEP_UP_WAIT_MS = 20_000;

type Answered = { operation: AuthenticationOperation; outcome: AuthenticationOutcome };

export function DeviceHome({
  profile,
  profileCount,
  device,
  keyError,
  onStartProofing,
  onShowDevices,
  onAddDevice,
  onRenamed,
  onStateSeen,
  onRemoved,
  onForget,
}: {
  profile: DeviceProfile;
  profileCount: number;
  device: SigningDevice | null;
  keyError: PlainError | null;
  onStartProofing: (operation: ProofingOperation) => void;
  onShowDevices: () => void;
  onAddDevice: () => void;
  onRenamed: (deviceName: string) => void;
  onStateSeen: (state: string) => void;
  onRemoved: () => void;
  onForget: () => void;
}) {
  const status = useDeviceStatus(profile.serverUrl, device);
  const stateView = describeDeviceState(status.observedState);
  const [answered, setAnswered] = useState<Answered[]>([]);
  const [awaitingStepUp, setAwaitingStepUp] = useState<number | null>(null);
  const [stepUpLate, setStepUpLate] = useState(false);

  const serverOperations = status.data?.operations ?? [];
  const answeredIds = new Set(answered.map((entry) => entry.operation.authenticationId));
  const pending = serverOperations.filter((operation) => operation.type !== "authentication" || !answeredIds.has(operation.authenticationId));

  const observed = status.observedState;
  useEffect(() => {
    if (observed) onStateSeen(observed);
  }, [observed, onStateSeen]);

  const startStepUpProofing = useCallback(
    (operations: PendingOperation[] | undefined) => {
      const proofing = operations?.find((operation): operation is ProofingOperation => operation.type === "proofing" && operation.flow === "stepup");
      if (!proofing) return false;
      setAwaitingStepUp(null);
      onStartProofing(proofing);
      return true;
    },
    [onStartProofing],
  );

  // After a step-up's approval, its proofing appears in the device's operations: go straight into it.
  useEffect(() => {
    if (awaitingStepUp === null) return;
    if (startStepUpProofing(status.data?.operations)) return;
    const timer = setTimeout(() => setStepUpLate(true), Math.max(0, awaitingStepUp + STEP_UP_WAIT_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [awaitingStepUp, status.data, startStepUpProofing]);

  function onAnswered(operation: AuthenticationOperation, outcome: AuthenticationOutcome, result: AuthenticationAnswerResult) {
    setAnswered((current) => [...current.filter((entry) => entry.operation.authenticationId !== operation.authenticationId), { operation, outcome }]);
    if (outcome.kind === "approved" && operation.stepUp) {
      setStepUpLate(false);
      if (!startStepUpProofing(result?.operations)) setAwaitingStepUp(Date.now());
    }
    void status.refresh();
  }

  const dismiss = (authenticationId: string) => setAnswered((current) => current.filter((entry) => entry.operation.authenticationId !== authenticationId));
  const canAnswer = stateView.usable && device !== null;
  const nothingWaiting = status.data !== null && pending.length === 0 && answered.length === 0;

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0">
          <SectionTitle>My device</SectionTitle>
          <p className="truncate text-sm text-slate-600">{profile.deviceName}</p>
        </div>
        <Button variant="ghost" className="min-h-10 shrink-0 px-3 text-sm" onClick={onShowDevices}>
          {profileCount > 1 ? `Switch device (${profileCount})` : "Devices"}
        </Button>
      </div>

      {keyError ? <ErrorNotice error={keyError} action={<ForgetButton onForget={onForget} />} /> : null}
      {status.error && (status.observedState === null || status.observedState === "REMOVED") ? <ErrorNotice error={status.error} /> : null}

      <section aria-labelledby="pending-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <h2 id="pending-heading" className="text-base font-semibold text-slate-900">
            Waiting for this device
          </h2>
          <Button variant="ghost" className="min-h-10 px-3 text-sm" onClick={() => void status.refresh()} disabled={!device} busy={status.refreshing}>
            Refresh
          </Button>
        </div>

        {awaitingStepUp !== null ? (
          <Notice tone={stepUpLate ? "warning" : "info"} title={stepUpLate ? "The identity check has not arrived yet" : "Opening the identity check…"}>
            {stepUpLate
              ? "The step-up's identity check has not appeared yet. It shows below as soon as it does; you can also press Refresh."
              : "The step-up continues with an identity check on this device."}
          </Notice>
        ) : null}

        {!stateView.usable && status.observedState ? (
          <p className="rounded-xl border border-dashed border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
            A {stateView.label.toLowerCase()} device receives no sign-in requests or identity checks.
          </p>
        ) : !status.data && !status.error ? (
          <p className="flex items-center gap-2 rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            <Spinner className="size-4" /> Asking the server…
          </p>
        ) : nothingWaiting ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            Nothing is waiting. Start an onboarding, a step-up or a sign-in in the console; it appears here within a few seconds.
          </p>
        ) : null}

        {pending.length > 0 || answered.length > 0 ? (
          <ul className="grid gap-3" aria-label="Pending requests">
            {[...answered.map((entry) => entry.operation), ...pending].map((operation) => (
              <li key={operationKey(operation)}>
                {operation.type === "proofing" ? (
                  <ProofingCard operation={operation} disabled={!canAnswer} onStart={() => onStartProofing(operation)} />
                ) : (
                  <AuthenticationRequest
                    operation={operation}
                    accountName={profile.accountName}
                    serverUrl={profile.serverUrl}
                    device={device}
                    canAnswer={canAnswer}
                    outcome={answered.find((entry) => entry.operation.authenticationId === operation.authenticationId)?.outcome ?? null}
                    onAnswered={(outcome, result) => onAnswered(operation, outcome, result)}
                    onDismiss={() => dismiss(operation.authenticationId)}
                  />
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {status.updatedAt ? (
          <p className="text-xs text-slate-600">
            Updated <DateTime value={status.updatedAt} style="time" /> · refreshes every 3 seconds
          </p>
        ) : null}
      </section>

      <section aria-labelledby="about-heading" className="space-y-3">
        <h2 id="about-heading" className="text-base font-semibold text-slate-900">
          About this device
        </h2>
        <DeviceProfileCard
          profile={profile}
          serverDevice={status.data?.device ?? null}
          stateView={stateView}
          device={device}
          onRenamed={(name) => {
            onRenamed(name);
            void status.refresh();
          }}
          onRemoved={onRemoved}
          onForget={onForget}
        />
      </section>

      <div className="grid gap-2 border-t border-slate-200 pt-4">
        <Button variant="secondary" onClick={onAddDevice}>
          Add another device
        </Button>
      </div>
    </div>
  );
}

function ForgetButton({ onForget }: { onForget: () => void }) {
  return (
    <Button variant="danger" className="min-h-10 text-sm" onClick={onForget}>
      Forget this device on this browser
    </Button>
  );
}

function ProofingCard({ operation, disabled, onStart }: { operation: ProofingOperation; disabled: boolean; onStart: () => void }) {
  return (
    <Card className="space-y-3 border-indigo-200 bg-indigo-50/50">
      <div>
        <h3 className="font-semibold text-slate-900">Identity verification</h3>
        <p className="text-sm text-slate-600">
          {flowTypeLabel(operation.flow)} · {operation.provider === "readid" ? "ReadID" : "VideoID"} · {operation.documentTypes.length} document type{operation.documentTypes.length === 1 ? "" : "s"} ·
          expires <DateTime value={operation.expiresAt} style="relative" />
        </p>
      </div>
      <Button className="w-full" onClick={onStart} disabled={disabled}>
        Start identity check
      </Button>
    </Card>
  );
}

function operationKey(operation: PendingOperation): string {
  return operation.type === "proofing" ? `proofing-${operation.processId}` : `authentication-${operation.authenticationId}`;
}
