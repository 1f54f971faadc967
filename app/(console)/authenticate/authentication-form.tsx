"use client";

import { useCallback, useState, type FormEvent } from "react";
import { EnvironmentField } from "@/components/flow/environment-field";
import { StartFailure } from "@/components/flow/start-failure";
import { useStartFlow } from "@/components/flow/use-start-flow";
import { UserDevicePicker } from "@/components/flow/user-device-picker";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import type { PublicEnvironment } from "@/lib/environments";
import { USER_ATTRIBUTES } from "@/lib/flows/user-attributes";

// The schema loads once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const authenticationInput = () => import("@/lib/flows/authentication-input").then((m) => m.authenticationInput);

export function AuthenticationForm({
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
  const [attributes, setAttributes] = useState<string[]>(["firstName", "lastName", "dateOfBirth"]);
  const { start, errors, failure, busy, hydrated } = useStartFlow("/api/flows/authentication", authenticationInput, "an authentication");
  const environment = environments.find((e) => e.id === environmentId);
  const choose = useCallback((v: { userId: string; deviceId: string }) => setWho(v), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void start(
      {
        environmentId,
        ...who,
        preOperationContext: String(form.get("preOperationContext") ?? ""),
        postOperationContext: String(form.get("postOperationContext") ?? ""),
        requestedUserAttributes: attributes,
      },
      environment,
    );
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        <StartFailure what="authentication" failure={failure} />
        <Card title="Where">
          <EnvironmentField
            environments={environments}
            value={environmentId}
            error={errors.environmentId}
            onChange={(id) => {
              setEnvironmentId(id);
              setWho({ userId: "", deviceId: "" });
            }}
          />
        </Card>
        <UserDevicePicker environmentId={environmentId} userId={who.userId} deviceId={who.deviceId} onChange={choose} errors={errors} />
        <Card title="What the device shows and returns">
          <div className="space-y-4">
            <Field
              label="Text before approval (pre-operation context)"
              htmlFor="preOperationContext"
              error={errors.preOperationContext}
              hint="Shown on the device when it asks the user, e.g. “Sign in to Example Bank”."
            >
              <textarea id="preOperationContext" name="preOperationContext" rows={2} className={inputClass} defaultValue="Sign in to the ReuseID Console demo" />
            </Field>
            <Field label="Text after approval (post-operation context)" htmlFor="postOperationContext" error={errors.postOperationContext}>
              <textarea id="postOperationContext" name="postOperationContext" rows={2} className={inputClass} />
            </Field>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Attributes to return</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-3">
                {USER_ATTRIBUTES.map((a) => (
                  <label key={a} className="flex items-center gap-2 text-sm text-slate-700">
                    <input type="checkbox" checked={attributes.includes(a)} onChange={() => setAttributes((cur) => (cur.includes(a) ? cur.filter((x) => x !== a) : [...cur, a]))} />
                    <span className="font-mono text-xs">{a}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        </Card>
      </div>
      <div className="space-y-4">
        <Card title="What happens next">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>The device gets the request with your text.</li>
            <li>The user approves (the app signs with the device key) or rejects.</li>
            <li>The page shows the returned attributes, or why it did not complete.</li>
          </ol>
        </Card>
        <Button type="submit" className="w-full py-2.5" disabled={!hydrated || busy || !who.deviceId}>
          {busy ? "Starting…" : "Start authentication"}
        </Button>
        {!who.deviceId ? <p className="text-center text-xs text-slate-500">Choose a user and one of their active devices first.</p> : null}
      </div>
    </form>
  );
}
