"use client";

import { useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { ErrorNotice, Notice } from "@/components/ui/states";
import { fetchJson } from "@/lib/http/fetch-json";

// The schema loads once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const ownPasswordInput = () => import("@/lib/staff/input").then((m) => m.ownPasswordInput);

export function PasswordForm({ email, mustChange }: { email: string; mustChange: boolean }) {
  const [done, setDone] = useState<number | null>(null);
  const { submit, errors, failure, busy, hydrated } = useApiForm(
    ownPasswordInput,
    (data) => fetchJson<{ endedSessions: number }>("/api/account/password", { method: "POST", json: data }),
    (result) => {
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load, so the server renders the console with the new session cookie
      if (mustChange) window.location.assign("/");
      else setDone(result.endedSessions);
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
      {done !== null ? <Notice>Your password is changed. {done === 0 ? "You had no other sessions." : `${done} other session${done === 1 ? "" : "s"} ended: sign in there again.`}</Notice> : null}
      {failure && !Object.keys(errors).length ? <ErrorNotice>{failure.message}</ErrorNotice> : null}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field label={mustChange ? "The password you signed in with" : "Current password"} htmlFor="currentPassword" error={errors.currentPassword}>
        <TextInput id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
      </Field>
      <Field label="New password" htmlFor="newPassword" error={errors.newPassword} hint="At least 10 characters. Your other sessions end.">
        <TextInput id="newPassword" name="newPassword" type="password" autoComplete="new-password" error={errors.newPassword} />
      </Field>
      <Button type="submit" disabled={!hydrated || busy}>
        {busy ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
