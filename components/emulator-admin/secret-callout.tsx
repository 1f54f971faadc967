"use client";

import { CopyButton } from "@/components/copy-button";
import { Button } from "@/components/ui/button";

/** A secret shown the one time it exists in the clear, with what the reader must do now. */
export function SecretCallout({ title, rows, onDismiss }: { title: string; rows: { label: string; value: string; secret?: boolean }[]; onDismiss: () => void }) {
  return (
    <section role="status" aria-label={title} className="rounded-xl border-2 border-amber-300 bg-amber-50 p-5 shadow-sm">
      <h2 className="text-sm font-semibold text-amber-950">{title}</h2>
      <p className="mt-1 text-sm text-amber-900">
        <strong>Copy the secret now: it cannot be shown again.</strong> The emulator keeps only a hash of it. If you lose it, create a new one.
      </p>
      <dl className="mt-4 space-y-2">
        {rows.map((row) => (
          <div key={row.label} className="grid items-center gap-2 sm:grid-cols-[9rem_1fr_9rem]">
            <dt className="text-sm font-medium text-amber-950">{row.label}</dt>
            <dd
              className={`break-all rounded-md bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-inset ${row.secret ? "ring-amber-400" : "ring-amber-200"}`}
              data-testid={row.secret ? "shown-secret" : undefined}
            >
              {row.value}
            </dd>
            <div>
              <CopyButton value={row.value} label={`Copy ${row.label.toLowerCase()}`} />
            </div>
          </div>
        ))}
      </dl>
      <div className="mt-4">
        <Button variant="secondary" onClick={onDismiss}>
          I have stored it — hide
        </Button>
      </div>
    </section>
  );
}
