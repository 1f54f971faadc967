"use client";

import { useRouter } from "next/navigation";
import { useApiForm } from "@/components/use-api-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { ROLES } from "@/lib/auth/roles";
import { fetchJson } from "@/lib/http/fetch-json";
import { ROLE_DESCRIPTIONS, roleLabel } from "./staff-format";

// The schema loads once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const staffCreateInput = () => import("@/lib/staff/input").then((m) => m.staffCreateInput);

export function AddStaffForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const { submit, errors, failure, busy, hydrated } = useApiForm(
    staffCreateInput,
    (data) => fetchJson("/api/staff", { method: "POST", json: data }),
    (_created, data) => {
      router.refresh();
      toast(`Added ${data.name} (${data.email}) as ${roleLabel(data.role)}`);
      onDone();
    },
  );

  return (
    <Card title="Add a staff user">
      <form
        method="post"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(Object.fromEntries(new FormData(event.currentTarget)));
        }}
        noValidate
        className="space-y-5"
      >
        {failure ? <ErrorNotice title="Could not add the staff user">{failure.message}</ErrorNotice> : null}
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
        <Field label="Reason" htmlFor="reason" error={errors.reason} hint={`Why this person needs access. Kept in the audit trail as “${AUDIT_ACTIONS["staff.create"].label}”.`}>
          <TextInput id="reason" name="reason" autoComplete="off" placeholder="e.g. joins the QA team" error={errors.reason} />
        </Field>
        <div className="flex flex-wrap gap-2">
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
