"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { ROLES } from "@/lib/auth/roles";
import { fieldErrors } from "@/lib/http/field-errors";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";
import type { StaffListItem } from "@/lib/staff/accounts";
import { ROLE_DESCRIPTIONS, roleLabel } from "./staff-format";
import { loadSchema, SCHEMA_LOAD_FAILED } from "@/components/use-api-form";

// The schemas load when a change is first submitted: zod stays out of the page's first load.
const staffRoleInput = () => import("@/lib/staff/input").then((m) => m.staffRoleInput);
const passwordResetInput = () => import("@/lib/staff/input").then((m) => m.passwordResetInput);
const staffReasonInput = () => import("@/lib/staff/input").then((m) => m.staffReasonInput);

export type StaffChange = { kind: "role" | "deactivate" | "reactivate" | "password"; user: StaffListItem };

const recorded = (action: AuditAction) => `Kept in the audit trail as “${AUDIT_ACTIONS[action].label}”.`;

const COPY = {
  role: { title: "Change role", confirm: "Save role", hint: `Why the role changes. ${recorded("staff.role.change")}` },
  deactivate: { title: "Deactivate", confirm: "Deactivate", hint: `Their session ends at once and they can no longer sign in. ${recorded("staff.deactivate")}` },
  reactivate: { title: "Reactivate", confirm: "Reactivate", hint: `They can sign in again with their password. ${recorded("staff.reactivate")}` },
  password: {
    title: "Reset password",
    confirm: "Reset password",
    hint: `Their sessions end at once; after signing in with this password they must choose their own. ${recorded("staff.password.reset")}`,
  },
};

/** What the toast says: what happened to whom. */
const DONE: Record<StaffChange["kind"], (user: StaffListItem, role: string) => string> = {
  role: (user, role) => `${user.name} (${user.email}) is now ${role}`,
  deactivate: (user) => `Deactivated ${user.name} (${user.email}): they can no longer sign in`,
  reactivate: (user) => `Reactivated ${user.name} (${user.email}): they can sign in again`,
  password: (user) => `Reset the password of ${user.name} (${user.email}): they choose a new one at their next sign-in`,
};

/** Asks for the reason (and the new role) of a change to a staff user, and makes it. */
export function StaffChangeDialog({ change, onClose }: { change: StaffChange | null; onClose: () => void }) {
  const copy = change ? COPY[change.kind] : null;
  return (
    <Dialog
      open={!!change}
      onClose={onClose}
      title={change && copy ? `${copy.title}: ${change.user.name}` : ""}
      description={
        change ? (
          <>
            {change.user.email} · now {roleLabel(change.user.role)}
            {change.user.active ? "" : ", deactivated"}
          </>
        ) : null
      }
    >
      {change ? <ChangeForm key={`${change.kind}-${change.user.id}`} change={change} onClose={onClose} /> : null}
    </Dialog>
  );
}

function ChangeForm({ change, onClose }: { change: StaffChange; onClose: () => void }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const copy = COPY[change.kind];
  const { user } = change;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const source = change.kind === "role" ? staffRoleInput : change.kind === "password" ? passwordResetInput : staffReasonInput;
    let schema;
    try {
      schema = await loadSchema<unknown>(source);
    } catch {
      return setFailure(SCHEMA_LOAD_FAILED);
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      const url = change.kind === "role" ? `/api/staff/${user.id}/role` : `/api/staff/${user.id}/${change.kind}`;
      await fetchJson(url, { method: change.kind === "role" ? "PUT" : "POST", json: parsed.data });
      router.refresh();
      toast(DONE[change.kind](user, change.kind === "role" ? roleLabel(String(values.role)) : ""));
      onClose();
    } catch (error) {
      if (error instanceof ConsoleApiError && error.body.fields) setErrors(error.body.fields);
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form method="dialog" onSubmit={submit} noValidate className="space-y-5">
      {failure ? <ErrorNotice title="Not changed">{failure}</ErrorNotice> : null}
      {change.kind === "role" ? (
        <Field label="New role" htmlFor="change-role" error={errors.role}>
          <select id="change-role" name="role" defaultValue={user.role} className={inputClass} aria-invalid={!!errors.role}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)} — {ROLE_DESCRIPTIONS[role]}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {change.kind === "password" ? (
        <Field label="One-time password" htmlFor="change-password" error={errors.temporaryPassword} hint="At least 10 characters. Tell them over a channel you trust.">
          <TextInput id="change-password" name="temporaryPassword" type="password" autoComplete="new-password" error={errors.temporaryPassword} />
        </Field>
      ) : null}
      <Field label="Reason" htmlFor="change-reason" error={errors.reason} hint={copy.hint}>
        <TextInput id="change-reason" name="reason" autoComplete="off" autoFocus error={errors.reason} />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant={change.kind === "deactivate" ? "danger" : "primary"} disabled={busy}>
          {busy ? "Saving…" : copy.confirm}
        </Button>
      </div>
    </form>
  );
}
