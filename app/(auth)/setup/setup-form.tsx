"use client";

import { signIn } from "next-auth/react";
import { useApiForm } from "@/components/use-api-form";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";

import { fetchJson } from "@/lib/http/fetch-json";

// The schema loads once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const firstAdminInput = () => import("@/lib/setup/first-run").then((m) => m.firstAdminInput);

export function SetupForm() {
  const { submit, errors, failure, busy, hydrated } = useApiForm(
    firstAdminInput,
    (data) => fetchJson("/api/setup", { method: "POST", json: data }),
    async (_, data) => {
      await signIn("credentials", { email: data.email, password: data.password, redirect: false });
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load, so the server renders the console with the new session cookie
      window.location.assign("/");
    },
  );

  return (
    <form
      method="post"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(Object.fromEntries(new FormData(event.currentTarget)));
      }}
      className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
      noValidate
    >
      <div>
        <h2 className="text-base font-semibold text-slate-900">Create the first admin</h2>
        <p className="mt-1 text-sm text-slate-600">The console has no staff users yet. The first one is an admin who can add the others.</p>
      </div>
      {failure && !Object.keys(errors).length ? <ErrorNotice>{failure.message}</ErrorNotice> : null}
      <Field label="Your name" htmlFor="name" error={errors.name}>
        <TextInput id="name" name="name" autoComplete="name" error={errors.name} />
      </Field>
      <Field label="Email" htmlFor="email" error={errors.email}>
        <TextInput id="email" name="email" type="email" autoComplete="username" error={errors.email} />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password} hint="At least 10 characters.">
        <TextInput id="password" name="password" type="password" autoComplete="new-password" error={errors.password} />
      </Field>
      <Button type="submit" className="w-full" disabled={!hydrated || busy}>
        {busy ? "Creating…" : "Create admin and sign in"}
      </Button>
    </form>
  );
}
