"use client";

import { signIn } from "next-auth/react";
import { useHydrated } from "@/components/use-hydrated";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { SingleSignOnButton } from "./single-sign-on-button";

export function SignInForm({
  callbackUrl,
  passwordSignIn = true,
  singleSignOnName = null,
  initialError = null,
}: {
  callbackUrl: string;
  passwordSignIn?: boolean;
  singleSignOnName?: string | null;
  initialError?: string | null;
}) {
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      // An explicit callbackUrl: the default (this page) may carry an earlier ?error=, which next-auth would read as this attempt's.
      const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false, callbackUrl });
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
    <div className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-base font-semibold text-slate-900">Sign in</h2>
      {error ? <ErrorNotice title="Sign-in failed">{error}</ErrorNotice> : null}
      {singleSignOnName ? <SingleSignOnButton name={singleSignOnName} callbackUrl={callbackUrl} variant={passwordSignIn ? "secondary" : "primary"} /> : null}
      {singleSignOnName && passwordSignIn ? (
        <p className="flex items-center gap-3 text-xs text-slate-500 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">or with your console password</p>
      ) : null}
      {passwordSignIn ? (
        <form method="post" onSubmit={submit} className="space-y-4" noValidate>
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
      ) : null}
    </div>
  );
}
