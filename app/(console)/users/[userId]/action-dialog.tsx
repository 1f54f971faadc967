"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { ConsoleApiError } from "@/lib/http/fetch-json";

export type PendingAction = {
  title: string;
  /** Names the target, e.g. "device “iPhone” (d-123) of JANE SMITH". */
  target: string;
  destructive: boolean;
  rename?: string;
  run: (input: { reason: string; deviceName?: string }) => Promise<unknown>;
};

/** Asks why (always) and confirms naming the target (for what cannot be undone), then runs the action. */
export function ActionDialog({ action, onClose, onDone }: { action: PendingAction; onClose: () => void; onDone: (message: string) => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get("reason") ?? "").trim();
    const deviceName = action.rename !== undefined ? String(form.get("deviceName") ?? "").trim() : undefined;
    const local: Record<string, string> = {};
    if (reason.length < 3) local.reason = "Say why, in at least 3 characters.";
    if (deviceName !== undefined && !deviceName) local.deviceName = "Enter a name.";
    if (Object.keys(local).length) return setErrors(local);
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await action.run({ reason, deviceName });
      onDone(`${action.title}: done.`);
    } catch (error) {
      if (error instanceof ConsoleApiError && error.body.fields) setErrors(error.body.fields);
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-4" role="presentation">
      <form method="post" onSubmit={submit} role="dialog" aria-modal="true" aria-label={action.title} className="w-full max-w-md space-y-4 rounded-xl bg-white p-6 shadow-xl" noValidate>
        <div>
          <h2 className="text-base font-semibold text-slate-900">{action.title}</h2>
          <p className="mt-1 text-sm text-slate-600">
            {action.destructive ? "This cannot be undone. " : ""}Target: <strong>{action.target}</strong>
          </p>
        </div>
        {failure ? <ErrorNotice title="It did not work">{failure}</ErrorNotice> : null}
        {action.rename !== undefined ? (
          <Field label="New device name" htmlFor="deviceName" error={errors.deviceName}>
            <TextInput id="deviceName" name="deviceName" defaultValue={action.rename} maxLength={60} error={errors.deviceName} />
          </Field>
        ) : null}
        <Field label="Reason" htmlFor="reason" error={errors.reason} hint="Recorded in the audit trail with your name.">
          <textarea id="reason" name="reason" rows={3} className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600" aria-invalid={!!errors.reason} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant={action.destructive ? "danger" : "primary"} disabled={busy}>
            {busy ? "Working…" : action.destructive ? `Yes, ${action.title.toLowerCase()}` : action.title}
          </Button>
        </div>
      </form>
    </div>
  );
}
