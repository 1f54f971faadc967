"use client";

import { useCallback, useState, type FormEvent } from "react";
import { EnvironmentField } from "@/components/flow/environment-field";
import { DEFAULT_PROOFING, ProofingOptions, type ProofingChoice } from "@/components/flow/proofing-options";
import { StartFailure } from "@/components/flow/start-failure";
import { useStartFlow } from "@/components/flow/use-start-flow";
import { UserDevicePicker } from "@/components/flow/user-device-picker";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { PublicEnvironment } from "@/lib/environments";

// The schema loads once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const stepUpInput = () => import("@/lib/flows/onboarding-input").then((m) => m.stepUpInput);

export function StepUpForm({
  environments,
  defaultEnvironmentId,
  initialUserId,
  initialDeviceId,
}: {
  environments: PublicEnvironment[];
  defaultEnvironmentId: string;
  initialUserId: string;
  initialDeviceId: string;
}) {
  const [environmentId, setEnvironmentId] = useState(defaultEnvironmentId);
  const [who, setWho] = useState({ userId: initialUserId, deviceId: initialDeviceId });
  const [proofing, setProofing] = useState<ProofingChoice>(DEFAULT_PROOFING);
  const { start, errors, failure, busy, hydrated } = useStartFlow("/api/flows/stepup", stepUpInput, "a step-up");
  const environment = environments.find((e) => e.id === environmentId);
  const choose = useCallback((v: { userId: string; deviceId: string }) => setWho(v), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void start({ environmentId, ...who, ...proofing }, environment);
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        <StartFailure what="step-up" failure={failure} />
        <Card title="Where">
          <EnvironmentField
            environments={environments}
            value={environmentId}
            error={errors.environmentId}
            onChange={(id) => {
              setEnvironmentId(id);
              setWho({ userId: "", deviceId: "" });
              setProofing(DEFAULT_PROOFING);
            }}
          />
        </Card>
        <UserDevicePicker environmentId={environmentId} userId={who.userId} deviceId={who.deviceId} onChange={choose} errors={errors} />
        <ProofingOptions environmentId={environmentId} value={proofing} onChange={setProofing} errors={errors} />
      </div>
      <div className="space-y-4">
        <Card title="What happens next">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>The device is asked to approve a MobileID authentication.</li>
            <li>Once approved, the app runs a new VideoID proofing.</li>
            <li>The proofing must show the same person the user already is (same names and date of birth), for example with a renewed document; the page shows what changed.</li>
            <li>A document of another person ends the step-up Failed and changes nothing on the user.</li>
          </ol>
        </Card>
        <Button type="submit" className="w-full py-2.5" disabled={!hydrated || busy || !who.deviceId}>
          {busy ? "Starting…" : "Start step-up"}
        </Button>
        {!who.deviceId ? <p className="text-center text-xs text-slate-500">Choose a user and one of their active devices first.</p> : null}
      </div>
    </form>
  );
}
