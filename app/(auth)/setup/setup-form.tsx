"use client";

import { signIn } from "next-auth/react";
import { useHydrated } from "@/components/use-hydrated";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { fieldErrors } from "@/lib/http/api-error";
import { firstAdminInput } from "@/lib/first-run";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";

export function SetupForm() {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = firstAdminInput.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await fetchJson("/api/setup", { method: "POST", json: parsed.data });
      await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      window.location.assign("/");
    } catch (error) {
      if (error instanceof ConsoleApiError) {
        setErrors(error.body.fields ?? {});
        setFailure(error.body.fields ? null : error.message);
      } else setFailure("The console cannot be reached.");
      setBusy(false);
    }
  }

  return (
    <form method="post" onSubmit={submit} className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      <div>
        <h2 className="text-base font-semibold text-slate-900">Create the first admin</h2>
        <p className="mt-1 text-sm text-slate-600">The console has no staff users yet. The first one is an admin who can add the others.</p>
      </div>
      {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}
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
