"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import type { PublicEnvironment } from "@/lib/environments";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";

/** Deleting is confirmed by typing the environment's name: it takes it out of every picker. */
export function DeleteEnvironmentDialog({ env, onClose, onDeleted }: { env: PublicEnvironment; onClose: () => void; onDeleted: (message: string) => void }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typed.trim() !== env.name) return setError(`Type ${env.name} to delete it.`);
    setBusy(true);
    setError(null);
    try {
      const result = await fetchJson<{ name: string; cancelledFlows: number }>(`/api/environments/${env.id}`, { method: "DELETE", json: { confirmName: typed.trim() } });
      router.refresh();
      onDeleted(
        `Deleted the environment ${result.name}. Its flows stay in History${result.cancelledFlows ? `; ${result.cancelledFlows} pending flow${result.cancelledFlows === 1 ? " was" : "s were"} cancelled` : ""}.`,
      );
    } catch (failure) {
      setError(failure instanceof ConsoleApiError ? (failure.body.fields?.confirmName ?? failure.message) : String(failure));
      setBusy(false);
    }
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-4" role="presentation">
      <form method="post" onSubmit={submit} role="dialog" aria-modal="true" aria-label={`Delete ${env.name}`} className="w-full max-w-md space-y-4 rounded-xl bg-white p-6 shadow-xl" noValidate>
        <div>
          <h2 className="text-base font-semibold text-slate-900">Delete {env.name}</h2>
          <p className="mt-1 text-sm text-slate-600">It leaves every environment picker and its stored secret is wiped. Flows run in it stay in History, marked as a deleted environment.</p>
        </div>
        <Field label={`Type ${env.name} to confirm`} htmlFor={`delete-${env.id}`} error={error ?? undefined}>
          <TextInput id={`delete-${env.id}`} name="confirmName" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus error={error ?? undefined} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={busy || typed.trim() !== env.name}>
            {busy ? "Deleting…" : "Delete environment"}
          </Button>
        </div>
      </form>
    </div>
  );
}
