"use client";

import { signIn } from "next-auth/react";
import { useHydrated } from "@/components/use-hydrated";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError("The email or password is not correct.");
    } catch {
      setError("The console cannot be reached. Try again in a moment.");
    }
    setBusy(false);
  }

  return (
    <form method="post" onSubmit={submit} className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      <h2 className="text-base font-semibold text-slate-900">Sign in</h2>
      {error ? <ErrorNotice title="Sign-in failed">{error}</ErrorNotice> : null}
      <Field label="Email" htmlFor="email">
        <TextInput id="email" name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label="Password" htmlFor="password">
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={!hydrated || busy}>
        {busy ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
