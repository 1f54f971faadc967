"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, Notice } from "@/components/ui/states";
import type { EmulatorAccountView } from "@/lib/emulator/admin";
import type { ConsoleEmulatorClient } from "@/lib/emulator-admin/accounts";
import { formatLifetime } from "@/lib/emulator-admin/format";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TBody, Th, THead } from "@/components/ui/table";
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
                    <AccountClients
                      key={account.accountId}
                      account={account}
                      clients={clientList.filter((c) => c.accountId === account.accountId)}
                      canManage={canManage}
                      onRevoke={(c) => {
                        revoke.reset();
                        setRevoking(c);
                      }}
                    />
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

function AccountClients({
  account,
  clients,
  canManage,
  onRevoke,
}: {
  account: EmulatorAccountView;
  clients: ConsoleEmulatorClient[];
  canManage: boolean;
  onRevoke: (c: ConsoleEmulatorClient) => void;
}) {
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
        <Table bare label={`Clients of ${account.name}`}>
          <THead>
            <Th className="px-5 py-2.5">Name</Th>
            <Th className="px-5 py-2.5">Client id</Th>
            <Th className="px-5 py-2.5">Token lifetime</Th>
            <Th className="px-5 py-2.5">Created</Th>
            <Th className="px-5 py-2.5">Status</Th>
            <Th className="px-5 py-2.5 text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {clients.map((client) => (
              <tr key={client.clientId} className={client.revokedAt ? "bg-slate-50 text-slate-500" : ""}>
                <td className="break-words px-5 py-3 font-medium text-slate-900">{client.name}</td>
                <td className="px-5 py-3 font-mono text-xs [overflow-wrap:anywhere]">{client.clientId}</td>
                <td className="whitespace-nowrap px-5 py-3">{formatLifetime(client.tokenLifetimeSeconds)}</td>
                <td className="whitespace-nowrap px-5 py-3 text-slate-600">
                  <DateTime value={client.createdAt} />
                </td>
                <td className="whitespace-nowrap px-5 py-3">
                  {client.revokedAt ? (
                    <>
                      <StatusBadge status="revoked" label="Revoked" />
                      <div className="mt-1 text-xs text-slate-600">
                        <DateTime value={client.revokedAt} />
                      </div>
                    </>
                  ) : (
                    <StatusBadge status="active" />
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
          </TBody>
        </Table>
      )}
    </Card>
  );
}
