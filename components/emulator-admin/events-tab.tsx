"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { Card } from "@/components/ui/card";
import { EmptyState, Notice } from "@/components/ui/states";
import type { SubscriptionView } from "@/lib/emulator/events";
import { DateTime } from "@/components/ui/date-time";
import { fetchJson } from "@/lib/http/fetch-json";
import { ConfirmDialog } from "./confirm-dialog";
import { DeliveryLog } from "./delivery-log";
import { accountUrl, emulatorKeys } from "./query-keys";
import { QueryState } from "./query-state";
import { SecretCallout } from "./secret-callout";
import { SubscriptionForm, type CreatedSubscription } from "./subscription-form";

export function EventsTab({ accountId, canConfigure, eventNames }: { accountId: string; canConfigure: boolean; eventNames: string[] }) {
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const subscriptions = useQuery({ queryKey: emulatorKeys.subscriptions(accountId), queryFn: () => fetchJson<SubscriptionView[]>(accountUrl(accountId, "/subscriptions")) });
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedSubscription | null>(null);
  const [deleting, setDeleting] = useState<SubscriptionView | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => fetchJson(accountUrl(accountId, `/subscriptions/${encodeURIComponent(id)}`), { method: "DELETE" }),
    onSuccess: () => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: emulatorKeys.subscriptions(accountId) });
      void queryClient.invalidateQueries({ queryKey: emulatorKeys.deliveries(accountId) });
    },
  });

  return (
    <div className="space-y-6">
      {created ? (
        <SecretCallout
          title={`Subscription to ${created.url} created`}
          rows={[
            { label: "Subscription id", value: created.subscriptionId },
            { label: "Signing secret", value: created.secret, secret: true },
          ]}
          onDismiss={() => setCreated(null)}
        />
      ) : null}
      {canConfigure ? (
        adding ? (
          <SubscriptionForm
            accountId={accountId}
            eventNames={eventNames}
            onCancel={() => setAdding(false)}
            onCreated={(s) => {
              setCreated(s);
              setAdding(false);
              void queryClient.invalidateQueries({ queryKey: emulatorKeys.subscriptions(accountId) });
            }}
          />
        ) : (
          <Button onClick={() => setAdding(true)} disabled={!hydrated}>
            Add subscription
          </Button>
        )
      ) : (
        <Notice>Admins and testers add and delete subscriptions. You can read them and the delivery log here.</Notice>
      )}
      <Card
        title="Subscriptions"
        actions={<span className="text-xs text-slate-500">Signed with HMAC-SHA256 in x-signicat-signature; retried 5 times with back-off on a non-2xx or a 5 s timeout</span>}
      >
        <QueryState query={subscriptions} what="subscriptions">
          {(list) =>
            list.length === 0 ? (
              <EmptyState title="No subscriptions in this account">
                Add one to have the emulator POST events to your webhook. Scripts can use the emulator&apos;s own API too: POST /emulator/events/subscriptions.
              </EmptyState>
            ) : (
              <ul className="-my-5 divide-y divide-slate-100">
                {list.map((s) => (
                  <li key={s.subscriptionId} className="flex flex-wrap items-start justify-between gap-4 py-3.5">
                    <div className="min-w-0 space-y-1.5">
                      <p className="break-all text-sm font-medium text-slate-900">{s.url}</p>
                      <div className="flex flex-wrap gap-1.5">
                        {s.events.map((e) => (
                          <span key={e} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                            {e === "*" ? "* (all events)" : e}
                          </span>
                        ))}
                      </div>
                      <p className="text-xs text-slate-500">
                        Created <DateTime value={s.createdAt} /> · <span className="font-mono">{s.subscriptionId}</span>
                      </p>
                    </div>
                    {canConfigure ? (
                      <Button
                        variant="secondary"
                        className="px-2.5 py-1.5 text-rose-700"
                        onClick={() => {
                          remove.reset();
                          setDeleting(s);
                        }}
                        aria-label={`Delete subscription to ${s.url}`}
                      >
                        Delete
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </Card>
      <DeliveryLog accountId={accountId} />
      <ConfirmDialog
        open={!!deleting}
        title="Delete this subscription?"
        confirmLabel="Delete subscription"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => deleting && remove.mutate(deleting.subscriptionId)}
        onClose={() => setDeleting(null)}
      >
        <p>
          Events stop going to <span className="break-all font-medium">{deleting?.url}</span>. Deliveries still pending end as failed; the delivery log keeps them.
        </p>
      </ConfirmDialog>
    </div>
  );
}
