"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { ConsoleApiError } from "@/lib/http/fetch-json";

export type PendingAction = {
  title: string;
  /** Names the target, e.g. "device “iPhone” (d-123) of JANE SMITH". */
  target: string;
  /** What the toast says once it is done, e.g. "Locked device iPhone of JANE SMITH". */
  done: (input: { deviceName?: string }) => string;
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
      onDone(action.done({ deviceName }));
    } catch (error) {
      if (error instanceof ConsoleApiError && error.body.fields) setErrors(error.body.fields);
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      onClose={busy ? () => {} : onClose}
      title={action.title}
      description={
        <>
          {action.destructive ? "This cannot be undone. " : ""}Target: <strong>{action.target}</strong>
        </>
      }
    >
      <form method="post" onSubmit={submit} className="space-y-4" noValidate>
        {failure ? <ErrorNotice title="It did not work">{failure}</ErrorNotice> : null}
        {action.rename !== undefined ? (
          <Field label="New device name" htmlFor="deviceName" error={errors.deviceName}>
            <TextInput id="deviceName" name="deviceName" defaultValue={action.rename} maxLength={60} error={errors.deviceName} />
          </Field>
        ) : null}
        <Field label="Reason" htmlFor="reason" error={errors.reason} hint="Recorded in the audit trail with your name.">
          <textarea
            id="reason"
            name="reason"
            rows={3}
            autoFocus={action.rename === undefined}
            className={inputClass}
            aria-invalid={!!errors.reason}
            aria-describedby={errors.reason ? "reason-error" : undefined}
          />
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant={action.destructive ? "danger" : "primary"} disabled={busy}>
            {busy ? "Working…" : action.destructive ? `Yes, ${action.title.toLowerCase()}` : action.title}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
