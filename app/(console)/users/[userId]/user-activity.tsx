"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState } from "@/components/ui/states";
import type { ApiTransaction } from "@/lib/end-users/directory";
import type { FlowListItem } from "@/lib/data/queries/flows";
import { fetchJson } from "@/lib/http/fetch-json";
import { flowTypeLabel } from "@/lib/ui/labels";

export type TransactionPage = { items: ApiTransaction[]; nextCursor: string | null };

/** The user's registrations and authentications as the API lists them: the first page, then older ones on demand. */
export function TransactionList({ firstPage, userId, environmentId }: { firstPage: TransactionPage; userId: string; environmentId: string }) {
  const env = encodeURIComponent(environmentId);
  const userPath = `/api/users/${encodeURIComponent(userId)}`;
  const more = useInfiniteQuery({
    queryKey: ["user-transactions", environmentId, userId],
    queryFn: ({ pageParam }) => fetchJson<TransactionPage>(`${userPath}/transactions?environmentId=${env}&cursor=${encodeURIComponent(pageParam)}`),
    initialPageParam: firstPage.nextCursor ?? "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: false,
  });
  const transactionItems = [...firstPage.items, ...(more.data?.pages.flatMap((p) => p.items) ?? [])];
  const nextCursor = more.data ? (more.data.pages.at(-1)?.nextCursor ?? null) : firstPage.nextCursor;
  return (
    <>
      {transactionItems.length === 0 ? (
        <p className="text-sm text-slate-600">No registrations or authentications yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Transactions">
          {transactionItems.map((t) => (
            <li key={t.transactionId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <DateTime value={t.createdAt} className="shrink-0 text-xs text-slate-600 sm:w-40" />
              <span className="font-medium text-slate-800">{t.type === "REGISTRATION" ? "Registration" : "Authentication"}</span>
              <StatusBadge status={t.state} />
              <span className="ml-auto min-w-0 truncate font-mono text-xs text-slate-500" title={t.deviceId ?? ""}>
                {t.deviceId ?? ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more.isError ? <p className="mt-2 text-sm text-rose-700">{more.error.message}</p> : null}
      {nextCursor ? (
        <Button variant="secondary" className="mt-3" disabled={more.isFetching} onClick={() => void (more.data ? more.fetchNextPage() : more.refetch())}>
          {more.isFetching ? "Loading…" : "Load older"}
        </Button>
      ) : null}
    </>
  );
}

/** The flows this console ran for the user, newest first, each linking to its page. */
export function ConsoleFlowList({ flows }: { flows: FlowListItem[] }) {
  if (flows.length === 0) return <EmptyState title="None">This console has not run a flow for this user.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {flows.map((f) => (
        <li key={f.id}>
          <Link href={`/flows/${f.id}`} className="flex items-center gap-3 py-2 hover:bg-slate-50">
            <StatusBadge status={f.status} />
            <span className="text-slate-800">{flowTypeLabel(f.type)}</span>
            <span className="ml-auto text-right text-xs text-slate-600">
              <DateTime value={f.createdAt} style="relative" /> · {f.startedBy.name}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
