"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, Notice } from "@/components/ui/states";
import type { EmulatorAccountView } from "@/lib/emulator/admin";
import type { ConsoleEmulatorClient } from "@/lib/emulator-admin/accounts";
import { formatLifetime, formatTime } from "@/lib/emulator-admin/format";
import { fetchJson } from "@/lib/http/fetch-json";
import { useEmulatorAccounts } from "./account-picker";
import { ConfirmDialog } from "./confirm-dialog";
import { CreateClientForm, type CreatedClient } from "./create-client-form";
import { emulatorKeys } from "./query-keys";
import { QueryState } from "./query-state";
import { SecretCallout } from "./secret-callout";

export function ClientsTab({ canManage, defaultAccountId }: { canManage: boolean; defaultAccountId: string }) {
  const queryClient = useQueryClient();
  const accounts = useEmulatorAccounts();
  const clients = useQuery({ queryKey: emulatorKeys.clients, queryFn: () => fetchJson<ConsoleEmulatorClient[]>("/api/emulator-admin/clients") });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedClient | null>(null);
  const [revoking, setRevoking] = useState<ConsoleEmulatorClient | null>(null);
  const revoke = useMutation({
    mutationFn: (clientId: string) => fetchJson(`/api/emulator-admin/clients/${encodeURIComponent(clientId)}/revoke`, { method: "POST" }),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: emulatorKeys.all });
    },
  });

  return (
    <div className="space-y-6">
      {created ? (
        <SecretCallout
          title={`Client “${created.client.name}” created in ${created.client.accountName}`}
          rows={[
            { label: "Client id", value: created.client.clientId },
            { label: "Client secret", value: created.clientSecret, secret: true },
          ]}
          onDismiss={() => setCreated(null)}
        />
      ) : null}
      {canManage ? (
        creating && accounts.data ? (
          <CreateClientForm
            accounts={accounts.data}
            defaultAccountId={defaultAccountId}
            onCancel={() => setCreating(false)}
            onCreated={(result) => {
              setCreated(result);
              setCreating(false);
              void queryClient.invalidateQueries({ queryKey: emulatorKeys.all });
            }}
          />
        ) : (
          <Button onClick={() => setCreating(true)} disabled={!accounts.data}>
            Create client
          </Button>
        )
      ) : (
        <Notice>Only admins create and revoke API clients. You can read them here.</Notice>
      )}
      <QueryState query={accounts} what="emulator accounts">
        {(accountList) => (
          <QueryState query={clients} what="API clients" rows={5}>
            {(clientList) =>
              clientList.length === 0 ? (
                <EmptyState title="No API clients">Create one to call the emulator from your own code.</EmptyState>
              ) : (
                <div className="space-y-6">
                  {accountList.map((account) => (
                    <AccountClients key={account.accountId} account={account} clients={clientList.filter((c) => c.accountId === account.accountId)} canManage={canManage} onRevoke={(c) => { revoke.reset(); setRevoking(c); }} />
                  ))}
                </div>
              )
            }
          </QueryState>
        )}
      </QueryState>
      <ConfirmDialog
        open={!!revoking}
        title={`Revoke ${revoking?.name ?? ""}?`}
        confirmLabel="Revoke client"
        busy={revoke.isPending}
        error={revoke.error?.message ?? null}
        onConfirm={() => revoking && revoke.mutate(revoking.clientId)}
        onClose={() => setRevoking(null)}
      >
        <p>
          <span className="font-mono">{revoking?.clientId}</span> in {revoking?.accountName} will be refused at the token endpoint, and the tokens it already holds stop working at once.
        </p>
        <p>This cannot be undone: create a new client if you need one again.</p>
      </ConfirmDialog>
    </div>
  );
}

function AccountClients({ account, clients, canManage, onRevoke }: { account: EmulatorAccountView; clients: ConsoleEmulatorClient[]; canManage: boolean; onRevoke: (c: ConsoleEmulatorClient) => void }) {
  return (
    <Card
      title={
        <span className="flex flex-wrap items-baseline gap-x-3">
          {account.name}
          <span className="font-mono text-xs font-normal text-slate-500">{account.accountId}</span>
        </span>
      }
      actions={
        <span className="text-xs text-slate-500">
          {account.activeClients} active of {account.clients} client{account.clients === 1 ? "" : "s"} · {account.users} user{account.users === 1 ? "" : "s"}
        </span>
      }
    >
      {clients.length === 0 ? (
        <p className="text-sm text-slate-500">No clients in this account.</p>
      ) : (
        <div className="-mx-5 -my-5 overflow-x-auto">
          <table className="min-w-full table-fixed divide-y divide-slate-200 text-sm" aria-label={`Clients of ${account.name}`}>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th className="w-[18%] px-5 py-2.5">Name</th>
                <th className="w-[22%] px-5 py-2.5">Client id</th>
                <th className="w-36 whitespace-nowrap px-5 py-2.5">Token lifetime</th>
                <th className="w-40 px-5 py-2.5">Created</th>
                <th className="w-44 px-5 py-2.5">Status</th>
                <th className="px-5 py-2.5 text-right">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {clients.map((client) => (
                <tr key={client.clientId} className={client.revokedAt ? "bg-slate-50 text-slate-500" : ""}>
                  <td className="break-words px-5 py-3 font-medium text-slate-900">{client.name}</td>
                  <td className="break-all px-5 py-3 font-mono text-xs">{client.clientId}</td>
                  <td className="whitespace-nowrap px-5 py-3">{formatLifetime(client.tokenLifetimeSeconds)}</td>
                  <td className="whitespace-nowrap px-5 py-3 text-slate-600">{formatTime(client.createdAt)}</td>
                  <td className="whitespace-nowrap px-5 py-3">
                    {client.revokedAt ? (
                      <>
                        <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700" title={`Revoked ${formatTime(client.revokedAt)}`}>Revoked</span>
                        <div className="mt-1 text-xs text-slate-500">{formatTime(client.revokedAt)}</div>
                      </>
                    ) : (
                      <span className="text-emerald-700">Active</span>
                    )}
                  </td>
                  <td className="px-5 py-3 text-right">
                    {client.usedByConsole ? (
                      <span className="inline-block text-left text-xs text-slate-500">Used by the console for the Local emulator environment; it cannot be revoked here.</span>
                    ) : canManage && !client.revokedAt ? (
                      <Button variant="secondary" className="px-2.5 py-1.5 text-rose-700" onClick={() => onRevoke(client)} aria-label={`Revoke ${client.name}`}>
                        Revoke
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
