"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { environmentInput } from "@/lib/environments/schema";
import { fetchJson } from "@/lib/http/fetch-json";
import { useApiForm } from "@/components/use-api-form";

export function EnvironmentForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const { submit, errors, failure, busy, hydrated } = useApiForm(
    environmentInput,
    (data) => fetchJson("/api/environments", { method: "POST", json: data }),
    () => {
      router.refresh();
      onDone();
    },
  );

  const text = (name: string, label: string, props: { placeholder?: string; type?: string; hint?: string; defaultValue?: string } = {}) => (
    <Field label={label} htmlFor={name} error={errors[name]} hint={props.hint}>
      <TextInput id={name} name={name} type={props.type ?? "text"} placeholder={props.placeholder} defaultValue={props.defaultValue} error={errors[name]} autoComplete="off" />
    </Field>
  );

  return (
    <Card title="Add an environment">
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
          {text("name", "Name", { placeholder: "Signicat sandbox" })}
          <Field label="Kind" htmlFor="kind" error={errors.kind}>
            <select id="kind" name="kind" defaultValue="sandbox" className={inputClass}>
              <option value="sandbox">Signicat sandbox account</option>
              <option value="production">Signicat production account</option>
            </select>
          </Field>
          {text("baseUrl", "API base URL", { defaultValue: "https://api.signicat.com" })}
          {text("accountId", "Account id (optional)", { hint: "Sent as signicat-accountid; the token's account is used otherwise." })}
          {text("clientId", "Client id")}
          {text("clientSecret", "Client secret", { type: "password", hint: "Encrypted at rest; never shown again." })}
        </div>
        <fieldset className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <legend className="px-1 text-sm font-medium text-slate-800">Authenticator App (optional, from Signicat&apos;s Quick configuration)</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            {text("appApplicationId", "applicationId")}
            {text("appPublicKey", "Public key")}
            {text("appServerUrl", "Server URL", { placeholder: "https://api.signicat.com/encore/encap" })}
          </div>
        </fieldset>
        <div className="flex gap-2">
          <Button type="submit" disabled={!hydrated || busy}>
            {busy ? "Saving…" : "Save environment"}
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
