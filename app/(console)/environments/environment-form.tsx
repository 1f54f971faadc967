"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import type { PublicEnvironment } from "@/lib/environments";
import { fetchJson } from "@/lib/http/fetch-json";
import { useApiForm } from "@/components/use-api-form";

// The schemas load once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const environmentInput = () => import("@/lib/environments/schema").then((m) => m.environmentInput);
const environmentUpdate = () => import("@/lib/environments/schema").then((m) => m.environmentUpdate);

/** Adds an environment, or edits one when `editing` is given (its secret is kept unless typed again). */
export function EnvironmentForm({ editing, onDone }: { editing?: PublicEnvironment; onDone: (saved?: PublicEnvironment) => void }) {
  const router = useRouter();
  const { submit, errors, failure, busy, hydrated } = useApiForm(
    editing ? environmentUpdate : environmentInput,
    (data) =>
      editing ? fetchJson<PublicEnvironment>(`/api/environments/${editing.id}`, { method: "PATCH", json: data }) : fetchJson<PublicEnvironment>("/api/environments", { method: "POST", json: data }),
    (saved) => {
      router.refresh();
      onDone(saved);
    },
  );
  // Two forms may be open at once (add, and edit of a card): their ids must not collide.
  const prefix = editing ? `env-${editing.id}-` : "env-new-";

  const text = (name: string, label: string, props: { placeholder?: string; type?: string; hint?: string; defaultValue?: string | null } = {}) => (
    <Field label={label} htmlFor={prefix + name} error={errors[name]} hint={props.hint}>
      <TextInput id={prefix + name} name={name} type={props.type ?? "text"} placeholder={props.placeholder} defaultValue={props.defaultValue ?? undefined} error={errors[name]} autoComplete="off" />
    </Field>
  );

  return (
    <Card title={editing ? `Edit ${editing.name}` : "Add an environment"}>
      <form
        method="post"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(Object.fromEntries(new FormData(event.currentTarget)));
        }}
        noValidate
        className="space-y-5"
      >
        {failure ? <ErrorNotice title="Could not save">{failure.message}</ErrorNotice> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          {text("name", "Name", { placeholder: "Signicat sandbox", defaultValue: editing?.name })}
          <Field label="Kind" htmlFor={prefix + "kind"} error={errors.kind}>
            <select id={prefix + "kind"} name="kind" defaultValue={editing?.kind ?? "sandbox"} className={inputClass}>
              <option value="sandbox">Signicat sandbox account</option>
              <option value="production">Signicat production account</option>
            </select>
          </Field>
          {text("baseUrl", "API base URL", { defaultValue: editing?.baseUrl ?? "https://api.signicat.com" })}
          {text("accountId", "Account id (optional)", { hint: "Sent as signicat-accountid; the token's account is used otherwise.", defaultValue: editing?.accountId })}
          {text("clientId", "Client id", { defaultValue: editing?.clientId })}
          {editing
            ? text("clientSecret", "New client secret", { type: "password", hint: "Leave empty to keep the stored secret (required when the URL or client id changes)." })
            : text("clientSecret", "Client secret", { type: "password", hint: "Encrypted at rest; never shown again." })}
        </div>
        <fieldset className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <legend className="px-1 text-sm font-medium text-slate-800">Signicat Events (optional)</legend>
          {text("eventsSecret", editing?.events.secretSet ? "New events secret" : "Events secret", {
            type: "password",
            hint: `The secret of the webhook you add under Dashboard > Settings > Events; events signed with it update flows at once.${editing?.events.secretSet ? " Leave empty to keep the stored one." : ""} Encrypted at rest; never shown again.`,
          })}
        </fieldset>
        <fieldset className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <legend className="px-1 text-sm font-medium text-slate-800">Authenticator App (optional, from Signicat&apos;s Quick configuration)</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            {text("appApplicationId", "applicationId", { defaultValue: editing?.appApplicationId })}
            {text("appPublicKey", "Public key", { defaultValue: editing?.appPublicKey })}
            {text("appServerUrl", "Server URL", { placeholder: "https://api.signicat.com/encore/encap", defaultValue: editing?.appServerUrl })}
          </div>
        </fieldset>
        <div className="flex gap-2">
          <Button type="submit" disabled={!hydrated || busy}>
            {busy ? "Saving…" : editing ? "Save changes" : "Save environment"}
          </Button>
          <Button variant="secondary" onClick={() => onDone()}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
