"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { ErrorNotice, Notice } from "@/components/ui/states";
import { useApiForm } from "@/components/use-api-form";
import { useHydrated } from "@/components/use-hydrated";
import { hasFaults, percent, type FaultSettingsView } from "@/lib/emulator-admin/describe-faults";
import { fetchJson } from "@/lib/http/fetch-json";
import { useEmulatorAccounts } from "./account-picker";
import { ConfirmDialog } from "./confirm-dialog";
import { accountUrl, emulatorKeys } from "./query-keys";
import { QueryState } from "./query-state";

// The schema loads once the page has hydrated: zod stays out of the first load (components/use-api-form.ts).
const faultsForm = () => import("@/lib/emulator-admin/schemas").then((m) => m.faultsForm);

type Faults = FaultSettingsView & { description: string[] };

export function FaultsTab({ accountId, canConfigure }: { accountId: string; canConfigure: boolean }) {
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const accounts = useEmulatorAccounts();
  const accountName = accounts.data?.find((a) => a.accountId === accountId)?.name ?? accountId;
  const faults = useQuery({ queryKey: emulatorKeys.faults(accountId), queryFn: () => fetchJson<Faults>(accountUrl(accountId, "/faults")) });
  const [confirm, setConfirm] = useState<"expire" | "reset" | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: emulatorKeys.all });
  const clear = useMutation({
    mutationFn: () => fetchJson<Faults>(accountUrl(accountId, "/faults"), { method: "DELETE" }),
    onSuccess: () => {
      setDone("Faults cleared: every call is answered normally again.");
      void refresh();
    },
  });
  const action = useMutation({
    mutationFn: (kind: "expire" | "reset") => fetchJson(accountUrl(accountId, `/${kind}`), { method: "POST" }),
    onSuccess: (_data, kind) => {
      setConfirm(null);
      setDone(
        kind === "expire"
          ? `Everything pending in ${accountName} expired: activation codes, authentications and proofings.`
          : `${accountName} was reset: its users, devices, flows, proofings, faults and event log are gone.`,
      );
      void refresh();
    },
  });

  return (
    <div className="space-y-6">
      {done ? (
        <div role="status">
          <Notice tone="success">{done}</Notice>
        </div>
      ) : null}
      <QueryState query={faults} what="fault settings" rows={2}>
        {(current) => (
          <>
            <CurrentFaults faults={current} accountName={accountName} />
            {canConfigure ? (
              <FaultsForm
                key={JSON.stringify(current)}
                accountId={accountId}
                current={current}
                hydrated={hydrated}
                clearing={clear.isPending}
                clearError={clear.error?.message ?? null}
                onClear={() => {
                  setDone(null);
                  clear.mutate();
                }}
                onApplied={() => {
                  setDone("Faults applied.");
                  void refresh();
                }}
              />
            ) : (
              <Notice>Admins and testers set faults, expire pending operations and reset an account. You can read the settings here.</Notice>
            )}
          </>
        )}
      </QueryState>
      {canConfigure ? (
        <Card title="Time and data">
          <div className="grid gap-6 md:grid-cols-2">
            <div className="space-y-2">
              <p className="text-sm text-slate-700">
                Expire every pending activation code, MobileID authentication and proofing of this account now, as if their time had run out. Their flows end Expired and the expiry events go out.
              </p>
              <Button
                variant="secondary"
                className="text-rose-700"
                disabled={!hydrated}
                onClick={() => {
                  action.reset();
                  setConfirm("expire");
                }}
              >
                Expire everything pending now
              </Button>
            </div>
            <div className="space-y-2">
              <p className="text-sm text-slate-700">
                Forget this account&apos;s users, devices, flows, dossiers, proofings, faults and event log. The account, its API clients and its event subscriptions stay.
              </p>
              <Button
                variant="danger"
                disabled={!hydrated}
                onClick={() => {
                  action.reset();
                  setConfirm("reset");
                }}
              >
                Reset this account&apos;s data
              </Button>
            </div>
          </div>
        </Card>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === "reset" ? `Reset ${accountName}?` : `Expire everything pending in ${accountName}?`}
        confirmLabel={confirm === "reset" ? `Reset ${accountName}` : "Expire now"}
        busy={action.isPending}
        error={action.error?.message ?? null}
        onConfirm={() => confirm && action.mutate(confirm)}
        onClose={() => setConfirm(null)}
      >
        {confirm === "reset" ? (
          <p>
            Every user, device, flow, dossier and proofing of <strong>{accountName}</strong> ({accountId}) is forgotten, with its faults and event log. Flows the console recorded stay in History, but
            the emulator will no longer know them. This cannot be undone.
          </p>
        ) : (
          <p>
            Every pending activation code, authentication and proofing of <strong>{accountName}</strong> expires at once. Flows waiting on them end Expired.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

function CurrentFaults({ faults, accountName }: { faults: Faults; accountName: string }) {
  const active = hasFaults(faults);
  return (
    <section aria-label="Current faults" className={`rounded-xl p-5 shadow-sm ring-1 ${active ? "bg-rose-50 ring-rose-200" : "bg-white ring-slate-200"}`}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-sm font-semibold text-slate-900">Now in {accountName}</h2>
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${active ? "bg-rose-100 text-rose-800 ring-rose-600/20" : "bg-emerald-50 text-emerald-800 ring-emerald-600/20"}`}
        >
          {active ? "Faults active" : "No faults"}
        </span>
      </div>
      <ul className="mt-2 space-y-1 text-sm text-slate-800" data-testid="fault-description">
        {faults.description.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {active ? (
        <p className="mt-2 text-xs text-slate-600">
          Latency {faults.latencyMs} ms · error rate {percent(faults.errorRate)} · paths {faults.paths.length ? faults.paths.join(", ") : "every API call"}. Never faulted: /simulator/*, the virtual
          app&apos;s side and discovery.
        </p>
      ) : null}
    </section>
  );
}

function FaultsForm({
  accountId,
  current,
  hydrated,
  clearing,
  clearError,
  onClear,
  onApplied,
}: {
  accountId: string;
  current: Faults;
  hydrated: boolean;
  clearing: boolean;
  clearError: string | null;
  onClear: () => void;
  onApplied: () => void;
}) {
  const { submit, errors, failure, busy } = useApiForm(faultsForm, (data) => fetchJson(accountUrl(accountId, "/faults"), { method: "PUT", json: data }), onApplied);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void submit({ latencyMs: form.get("latencyMs"), errorRatePercent: form.get("errorRatePercent"), paths: form.get("paths") ?? "" });
  }

  return (
    <Card title="Set faults">
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        {failure ? <ErrorNotice title="The faults were not applied">{failure.message}</ErrorNotice> : null}
        {clearError ? <ErrorNotice title="The faults were not cleared">{clearError}</ErrorNotice> : null}
        <div className="grid gap-4 md:grid-cols-[1fr_1fr_2fr]">
          <Field label="Added latency (ms)" htmlFor="fault-latency" error={errors.latencyMs} hint="0–30000. Each matching call waits this long.">
            <TextInput id="fault-latency" name="latencyMs" type="number" min={0} max={30000} defaultValue={current.latencyMs} error={errors.latencyMs} />
          </Field>
          <Field label="Error rate (%)" htmlFor="fault-rate" error={errors.errorRatePercent} hint="0–100. That share of matching calls answers HTTP 500.">
            <TextInput id="fault-rate" name="errorRatePercent" type="number" min={0} max={100} step="any" defaultValue={Math.round(current.errorRate * 1000) / 10} error={errors.errorRatePercent} />
          </Field>
          <Field
            label="Paths (one per line)"
            htmlFor="fault-paths"
            error={errors.paths}
            hint={
              <>
                Prefixes or globs under /emulator, e.g. <code>/reuseid/*</code> (onboardings and step-ups), <code>/auth/*</code> (the token endpoint), <code>/mobileid/*</code>, <code>/assure/*</code>.
                Empty: every API call except the token endpoint.
              </>
            }
          >
            <textarea
              id="fault-paths"
              name="paths"
              rows={3}
              defaultValue={current.paths.join("\n")}
              placeholder={"/reuseid/*\n/auth/*"}
              aria-invalid={!!errors.paths}
              aria-describedby={errors.paths ? "fault-paths-error" : undefined}
              className={`${inputClass} font-mono`}
            />
          </Field>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={!hydrated || busy}>
            {busy ? "Applying…" : "Apply"}
          </Button>
          <Button variant="secondary" onClick={onClear} disabled={clearing || !hasFaults(current)}>
            {clearing ? "Clearing…" : "Clear faults"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
