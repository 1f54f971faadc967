"use client";

import { useState, type FormEvent } from "react";
import { EnvironmentField } from "@/components/flow/environment-field";
import { DEFAULT_PROOFING, ProofingOptions, type ProofingChoice } from "@/components/flow/proofing-options";
import { StartFailure } from "@/components/flow/start-failure";
import { useStartFlow } from "@/components/flow/use-start-flow";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import type { PublicEnvironment } from "@/lib/environments";

// The schema loads once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const onboardingInput = () => import("@/lib/flows/onboarding-input").then((m) => m.onboardingInput);

export function OnboardingForm({ environments, defaultEnvironmentId }: { environments: PublicEnvironment[]; defaultEnvironmentId: string }) {
  const [environmentId, setEnvironmentId] = useState(defaultEnvironmentId);
  const [proofing, setProofing] = useState<ProofingChoice>(DEFAULT_PROOFING);
  const { start, errors, failure, busy, hydrated } = useStartFlow("/api/flows/onboarding", onboardingInput, "an onboarding");
  const environment = environments.find((e) => e.id === environmentId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const externalRef = String(new FormData(event.currentTarget).get("externalRef") ?? "");
    void start({ environmentId, externalRef, ...proofing }, environment);
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        <StartFailure what="onboarding" failure={failure} />
        <Card title="Where">
          <div className="grid gap-4 sm:grid-cols-2">
            <EnvironmentField
              environments={environments}
              value={environmentId}
              error={errors.environmentId}
              onChange={(id) => {
                setEnvironmentId(id);
                setProofing(DEFAULT_PROOFING);
              }}
            />
            <Field label="External reference (optional)" htmlFor="externalRef" error={errors.externalRef} hint="Your own id for this person, e.g. a customer number.">
              <TextInput id="externalRef" name="externalRef" placeholder="customer-1234" error={errors.externalRef} />
            </Field>
          </div>
        </Card>
        <ProofingOptions environmentId={environmentId} value={proofing} onChange={setProofing} errors={errors} />
      </div>

      <div className="space-y-4">
        <Card title="What happens next">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>The console asks Signicat to start an onboarding; a user is created.</li>
            <li>You get an activation code as a QR code. Scan it with the Authenticator App, or open the virtual app.</li>
            <li>The app runs the VideoID proofing: document, then selfie.</li>
            <li>The page follows every step live and shows the identity when it completes.</li>
          </ol>
        </Card>
        <Button type="submit" className="w-full py-2.5" disabled={!hydrated || busy || !environmentId}>
          {busy ? "Starting…" : "Start onboarding"}
        </Button>
      </div>
    </form>
  );
}
