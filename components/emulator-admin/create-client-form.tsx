"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { useApiForm } from "@/components/use-api-form";
import type { EmulatorAccountView } from "@/lib/emulator/admin";
import type { ConsoleEmulatorClient } from "@/lib/emulator-admin/accounts";
import { TOKEN_LIFETIME_SECONDS } from "@/lib/emulator-admin/limits";
import { fetchJson } from "@/lib/http/fetch-json";

// The schema loads once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const createClientForm = () => import("@/lib/emulator-admin/schemas").then((m) => m.createClientForm);

export type CreatedClient = { client: ConsoleEmulatorClient; clientSecret: string };

const NEW_ACCOUNT = "__new__";

export function CreateClientForm({
  accounts,
  defaultAccountId,
  onCreated,
  onCancel,
}: {
  accounts: EmulatorAccountView[];
  defaultAccountId: string;
  onCreated: (created: CreatedClient) => void;
  onCancel: () => void;
}) {
  const [account, setAccount] = useState(accounts.some((a) => a.accountId === defaultAccountId) ? defaultAccountId : NEW_ACCOUNT);
  const { submit, errors, failure, busy, hydrated } = useApiForm(createClientForm, (data) => fetchJson<CreatedClient>("/api/emulator-admin/clients", { method: "POST", json: data }), onCreated);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: form.get("name"),
      tokenLifetimeSeconds: form.get("tokenLifetimeSeconds"),
      ...(account === NEW_ACCOUNT ? { newAccountName: form.get("newAccountName") } : { accountId: account }),
    };
    void submit(values);
  }

  return (
    <Card title="Create an API client">
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        {failure ? <ErrorNotice title="The client was not created">{failure.message}</ErrorNotice> : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Client name" htmlFor="client-name" error={errors.name} hint="What the client is for, e.g. “Checkout integration tests”.">
            <TextInput id="client-name" name="name" autoComplete="off" error={errors.name} />
          </Field>
          <Field label="Account" htmlFor="client-account" error={errors.accountId} hint="A client sees only its account's users, devices, flows and proofings.">
            <select id="client-account" value={account} onChange={(e) => setAccount(e.target.value)} className={inputClass} aria-invalid={!!errors.accountId}>
              {accounts.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {a.name} ({a.accountId})
                </option>
              ))}
              <option value={NEW_ACCOUNT}>New account…</option>
            </select>
          </Field>
          <Field label="Token lifetime (seconds)" htmlFor="client-lifetime" error={errors.tokenLifetimeSeconds} hint="1–3600. Short lifetimes let you watch your integration renew tokens.">
            <TextInput
              id="client-lifetime"
              name="tokenLifetimeSeconds"
              type="number"
              min={TOKEN_LIFETIME_SECONDS.min}
              max={TOKEN_LIFETIME_SECONDS.max}
              defaultValue={TOKEN_LIFETIME_SECONDS.default}
              error={errors.tokenLifetimeSeconds}
            />
          </Field>
          {account === NEW_ACCOUNT ? (
            <Field label="New account name" htmlFor="client-new-account" error={errors.newAccountName} hint="A new, empty account with its own Authenticator App configuration.">
              <TextInput id="client-new-account" name="newAccountName" autoComplete="off" error={errors.newAccountName} />
            </Field>
          ) : null}
        </div>
        <div className="flex gap-2">
          <Button type="submit" disabled={!hydrated || busy}>
            {busy ? "Creating…" : "Create client"}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
