"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { inputClass } from "@/components/ui/field";
import type { EmulatorAccountView } from "@/lib/emulator/admin";
import { emulatorAdminHref } from "@/lib/emulator-admin/format";
import { fetchJson } from "@/lib/http/fetch-json";
import { emulatorKeys } from "./query-keys";

export function useEmulatorAccounts() {
  return useQuery({ queryKey: emulatorKeys.accounts, queryFn: () => fetchJson<EmulatorAccountView[]>("/api/emulator-admin/accounts") });
}

/** Which account the tab acts on; kept in the URL (?account=) so the view can be shared. */
export function AccountPicker({ tab, accountId }: { tab: string; accountId: string }) {
  const router = useRouter();
  const accounts = useEmulatorAccounts();
  const list = accounts.data ?? [];
  const known = list.some((a) => a.accountId === accountId);
  return (
    <div className="flex flex-wrap items-center gap-3 sm:flex-nowrap">
      <label htmlFor="emulator-account" className="text-sm font-medium text-slate-800">
        Account
      </label>
      <select id="emulator-account" value={accountId} disabled={accounts.isPending} onChange={(e) => router.replace(emulatorAdminHref(tab, e.target.value))} className={`${inputClass} max-w-md`}>
        {!known ? <option value={accountId}>{accounts.isPending ? "Loading accounts…" : `${accountId} (unknown)`}</option> : null}
        {list.map((a) => (
          <option key={a.accountId} value={a.accountId}>
            {a.name} — {a.accountId}
          </option>
        ))}
      </select>
      {accounts.isError ? <span className="text-sm text-rose-700">The accounts could not be loaded: {accounts.error.message}</span> : null}
    </div>
  );
}
