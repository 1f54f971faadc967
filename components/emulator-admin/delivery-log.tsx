"use client";

import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import type { DeliveryAttempt, DeliveryView } from "@/lib/emulator/events";
import { formatIn } from "@/lib/emulator-admin/format";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { fetchJson } from "@/lib/http/fetch-json";
import { accountUrl, emulatorKeys } from "./query-keys";
import { QueryState } from "./query-state";

/** Refreshes every 2 s while a delivery is pending, so retries show up as they happen. */
export function DeliveryLog({ accountId }: { accountId: string }) {
  const deliveries = useQuery({
    queryKey: emulatorKeys.deliveries(accountId),
    queryFn: () => fetchJson<DeliveryView[]>(accountUrl(accountId, "/deliveries?limit=100")),
    refetchInterval: (query) => (query.state.data?.some((d) => d.state === "pending") ? 2_000 : 15_000),
  });
  const pending = deliveries.data?.filter((d) => d.state === "pending").length ?? 0;
  return (
    <Card
      title="Delivery log"
      actions={
        <span className="text-xs text-slate-500">
          {pending ? `${pending} pending · refreshing every 2 s` : "newest first · last 100"}
          {deliveries.isFetching ? " · updating…" : ""}
        </span>
      }
    >
      <QueryState query={deliveries} what="delivery log" rows={4}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No deliveries yet">
              When a subscribed event happens in this account (an onboarding completes, a device changes state…), each delivery and its attempts appear here.
            </EmptyState>
          ) : (
            <DeliveryTable deliveries={list} />
          )
        }
      </QueryState>
    </Card>
  );
}

function DeliveryTable({ deliveries }: { deliveries: DeliveryView[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table bare label="Event deliveries">
      <THead>
        <Th className="px-5 py-2.5">Time</Th>
        <Th className="px-5 py-2.5">Event</Th>
        <Th className="px-5 py-2.5">URL</Th>
        <Th className="px-5 py-2.5">Attempts</Th>
        <Th className="px-5 py-2.5">State</Th>
        <Th className="px-5 py-2.5 text-right">
          <span className="sr-only">Body</span>
        </Th>
      </THead>
      <TBody>
        {deliveries.map((d) => (
          <Fragment key={d.deliveryId}>
            <tr className="align-top">
              <td className="whitespace-nowrap px-5 py-3 text-slate-600">
                <DateTime value={d.createdAt} style="relative" />
              </td>
              <td className="px-5 py-3 font-mono text-xs text-slate-900">{d.eventName}</td>
              <td className="max-w-64 break-all px-5 py-3 text-xs text-slate-700">{d.url}</td>
              <td className="px-5 py-3">{d.attemptLog.length === 0 ? <span className="text-xs text-slate-500">not tried yet</span> : <AttemptList attempts={d.attemptLog} />}</td>
              <td className="whitespace-nowrap px-5 py-3">
                <StatusBadge status={d.state} />
                {d.nextAttemptAt ? <div className="mt-1 text-xs text-slate-500">next attempt {formatIn(d.nextAttemptAt)}</div> : null}
              </td>
              <td className="px-5 py-3 text-right">
                <button
                  type="button"
                  onClick={() => setOpen(open === d.deliveryId ? null : d.deliveryId)}
                  aria-expanded={open === d.deliveryId}
                  className="whitespace-nowrap rounded-md px-2 py-1 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
                >
                  {open === d.deliveryId ? "Hide body" : "Show body"}
                </button>
              </td>
            </tr>
            {open === d.deliveryId ? (
              <tr>
                <td colSpan={6} className="bg-slate-50 px-5 py-3">
                  <p className="mb-1 text-xs text-slate-500">The body sent (event {d.eventId}), signed in x-signicat-signature with the subscription&apos;s secret:</p>
                  <pre className="max-h-80 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{pretty(d.body)}</pre>
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </TBody>
    </Table>
  );
}

function AttemptList({ attempts }: { attempts: DeliveryAttempt[] }) {
  return (
    <ol className="space-y-0.5 text-xs">
      {attempts.map((a) => (
        <li key={a.attempt} className="whitespace-nowrap">
          <span className="text-slate-500">#{a.attempt}</span>{" "}
          {a.statusCode !== null ? (
            <span className={a.statusCode >= 200 && a.statusCode < 300 ? "font-medium text-emerald-700" : "font-medium text-rose-700"}>HTTP {a.statusCode}</span>
          ) : (
            <span className="font-medium text-rose-700">{a.error ?? "no answer"}</span>
          )}{" "}
          <span className="text-slate-500">· {a.durationMs} ms</span>
        </li>
      ))}
    </ol>
  );
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
