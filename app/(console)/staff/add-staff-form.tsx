"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { ROLES } from "@/lib/auth/roles";
import { fieldErrors } from "@/lib/http/api-error";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";
import { staffCreateInput } from "@/lib/staff-input";
import { ROLE_DESCRIPTIONS, roleLabel } from "./staff-format";

export function AddStaffForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = staffCreateInput.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await fetchJson("/api/staff", { method: "POST", json: parsed.data });
      router.refresh();
      onDone();
    } catch (error) {
      if (error instanceof ConsoleApiError && error.body.fields) setErrors(error.body.fields);
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Add a staff user">
      <form method="post" onSubmit={submit} noValidate className="space-y-5">
        {failure ? <ErrorNotice title="Could not add the staff user">{failure}</ErrorNotice> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" htmlFor="name" error={errors.name}>
            <TextInput id="name" name="name" autoComplete="off" error={errors.name} />
          </Field>
          <Field label="Email" htmlFor="email" error={errors.email}>
            <TextInput id="email" name="email" type="email" autoComplete="off" error={errors.email} />
          </Field>
          <Field label="Initial password" htmlFor="password" error={errors.password} hint="At least 10 characters. Hand it over privately.">
            <TextInput id="password" name="password" type="password" autoComplete="new-password" error={errors.password} />
          </Field>
          <Field label="Role" htmlFor="role" error={errors.role}>
            <select id="role" name="role" defaultValue="viewer" className={inputClass} aria-invalid={!!errors.role}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)} — {ROLE_DESCRIPTIONS[role]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label="Reason" htmlFor="reason" error={errors.reason} hint="Why this person needs access. Kept in the audit trail.">
          <TextInput id="reason" name="reason" autoComplete="off" placeholder="e.g. joins the QA team" error={errors.reason} />
        </Field>
        <div className="flex gap-2">
          <Button type="submit" disabled={!hydrated || busy}>
            {busy ? "Adding…" : "Add staff user"}
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
