"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { useApiForm } from "@/components/use-api-form";
import type { SubscriptionView } from "@/lib/emulator/events";
import { fetchJson } from "@/lib/http/fetch-json";
import { accountUrl } from "./query-keys";

// The schema loads once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const subscriptionForm = () => import("@/lib/emulator-admin/schemas").then((m) => m.subscriptionForm);

export type CreatedSubscription = SubscriptionView & { secret: string };

export function SubscriptionForm({ accountId, eventNames, onCreated, onCancel }: { accountId: string; eventNames: string[]; onCreated: (s: CreatedSubscription) => void; onCancel: () => void }) {
  const [all, setAll] = useState(false);
  const { submit, errors, failure, busy, hydrated } = useApiForm(
    subscriptionForm,
    (data) => fetchJson<CreatedSubscription>(accountUrl(accountId, "/subscriptions"), { method: "POST", json: data }),
    onCreated,
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void submit({ url: form.get("url"), secret: form.get("secret"), events: all ? ["*"] : form.getAll("events") });
  }

  return (
    <Card title="Add an event subscription">
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        {failure ? <ErrorNotice title="The subscription was not created">{failure.message}</ErrorNotice> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Webhook URL" htmlFor="subscription-url" error={errors.url} hint="The emulator POSTs each event here, signed with the secret.">
            <TextInput id="subscription-url" name="url" type="url" placeholder="https://your-app.example/webhooks/signicat" autoComplete="off" error={errors.url} />
          </Field>
          <Field label="Secret (optional)" htmlFor="subscription-secret" error={errors.secret} hint="At least 8 characters. Leave empty and one is generated and shown once.">
            <TextInput id="subscription-secret" name="secret" autoComplete="off" error={errors.secret} />
          </Field>
        </div>
        <fieldset aria-describedby={errors.events ? "subscription-events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Events</legend>
          <label className="mt-2 flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
            All events (<span className="font-mono">*</span>), including ones added later
          </label>
          <div className="mt-2 grid gap-x-6 gap-y-1.5 sm:grid-cols-2 lg:grid-cols-3">
            {eventNames.map((name) => (
              <label key={name} className={`flex items-center gap-2 text-sm ${all ? "text-slate-500" : "text-slate-800"}`}>
                <input type="checkbox" name="events" value={name} disabled={all} className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
                <span className="font-mono text-xs">{name}</span>
              </label>
            ))}
          </div>
          {errors.events ? (
            <p id="subscription-events-error" className="mt-1.5 text-sm text-rose-600">
              {errors.events}
            </p>
          ) : null}
        </fieldset>
        <div className="flex gap-2">
          <Button type="submit" disabled={!hydrated || busy}>
            {busy ? "Adding…" : "Add subscription"}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
