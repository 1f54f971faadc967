"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { rememberDeletedUser } from "@/components/end-users/deleted-user-notice";
import { EnvironmentBadge } from "@/components/environment-badge";
import { ProofingRecord } from "@/components/flow/proofing-record";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { useToast } from "@/components/ui/toast";
import { EmptyState, ErrorNotice, Skeleton } from "@/components/ui/states";
import type { ApiDevice, ApiProofing, ApiTransaction, ApiUser } from "@/lib/end-users/directory";
import type { PublicEnvironment } from "@/lib/environments";
import type { FlowListItem } from "@/lib/data/queries/flows";
import { fetchJson } from "@/lib/http/fetch-json";
import { flowTypeLabel, personName, UNNAMED_DEVICE } from "@/lib/ui/labels";
import { ActionDialog, type PendingAction } from "./action-dialog";

const USER_DONE = { lock: "Locked", unlock: "Unlocked", delete: "Deleted" } as const;
const DEVICE_DONE = { rename: "Renamed", lock: "Locked", unlock: "Unlocked", deactivate: "Deactivated", delete: "Deleted" } as const;

const FAILED_STATUSES = new Set(["Failed", "Expired", "Cancelled", "Error"]);

type Overview = { user: ApiUser; devices: ApiDevice[]; proofings: ApiProofing[]; transactions: { items: ApiTransaction[]; nextCursor: string | null } };


export function UserView({ userId, environment, flows, canManage, canRunFlows }: { userId: string; environment: PublicEnvironment; flows: FlowListItem[]; canManage: boolean; canRunFlows: boolean }) {
  const queryClient = useQueryClient();
  const env = encodeURIComponent(environment.id);
  const base = `/api/users/${encodeURIComponent(userId)}`;
  const overview = useQuery({ queryKey: ["user-overview", environment.id, userId], queryFn: () => fetchJson<Overview>(`${base}?environmentId=${env}`) });
  const more = useInfiniteQuery({
    queryKey: ["user-transactions", environment.id, userId],
    queryFn: ({ pageParam }) => fetchJson<Overview["transactions"]>(`${base}/transactions?environmentId=${env}&cursor=${encodeURIComponent(pageParam)}`),
    initialPageParam: overview.data?.transactions.nextCursor ?? "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: false,
  });
  const [pending, setPending] = useState<PendingAction | null>(null);
  const toast = useToast();
  const [openProofing, setOpenProofing] = useState<string | null>(null);
  const deleted = useRef<string | null>(null);
  const router = useRouter();

  if (overview.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-32" />
        <Skeleton className="h-48" />
      </div>
    );
  }
  if (overview.isError) {
    return (
      <ErrorNotice title="This user could not be loaded" action={<Link href="/users" className="font-medium underline">Back to users</Link>}>
        {overview.error.message}
      </ErrorNotice>
    );
  }

  const { user, devices, proofings, transactions } = overview.data;
  const fullName = personName(user.attributes);
  const post = (path: string, body: Record<string, unknown>) => fetchJson(`${path}?environmentId=${env}`, { method: "POST", json: body });
  const done = (text: string) => {
    setPending(null);
    toast(text);
    void queryClient.invalidateQueries({ queryKey: ["user-overview", environment.id, userId] });
  };
  const userAction = (action: "lock" | "unlock" | "delete", title: string): PendingAction => ({
    title,
    target: `${fullName} (${userId})`,
    destructive: action === "delete",
    done: () => `${USER_DONE[action]} user ${fullName}`,
    run: async ({ reason }) => {
      await post(`${base}/actions`, { action, reason, ...(action === "delete" ? { confirm: userId } : {}) });
      if (action === "delete") deleted.current = `${fullName} (${userId})`;
    },
  });
  // A deleted user cannot be shown any more: the success is told on Users, not as a failed reload here.
  const finish = (text: string) => {
    if (!deleted.current) return done(text);
    rememberDeletedUser(deleted.current);
    queryClient.removeQueries({ queryKey: ["user-overview", environment.id, userId] });
    router.push("/users");
  };
  const deviceAction = (d: ApiDevice, action: "rename" | "lock" | "unlock" | "deactivate" | "delete", title: string): PendingAction => ({
    title,
    target: `device “${d.deviceName ?? d.deviceId}” (${d.deviceId}) of ${fullName}`,
    destructive: action === "delete" || action === "deactivate",
    rename: action === "rename" ? (d.deviceName ?? "") : undefined,
    done: ({ deviceName }) => `${DEVICE_DONE[action]} device ${d.deviceName ?? d.deviceId} of ${fullName}${action === "rename" ? ` to ${deviceName}` : ""}`,
    run: ({ reason, deviceName }) =>
      post(`${base}/devices/${encodeURIComponent(d.deviceId)}/actions`, { action, reason, ...(action === "rename" ? { deviceName } : {}), ...(action === "delete" || action === "deactivate" ? { confirm: d.deviceId } : {}) }),
  });
  const transactionItems = [...transactions.items, ...(more.data?.pages.flatMap((p) => p.items) ?? [])];
  const nextCursor = more.data ? (more.data.pages.at(-1)?.nextCursor ?? null) : transactions.nextCursor;
  const activeDevice = devices.find((d) => d.state === "ACTIVE");
  // A rejected or abandoned proofing binds nothing to the user, so the API's list never shows it: the console's flows do.
  const failedAttempts = flows.filter((f) => f.type !== "authentication" && FAILED_STATUSES.has(f.status));
  const reuse = (path: string) => `${path}?${new URLSearchParams({ environmentId: environment.id, userId, deviceId: activeDevice?.deviceId ?? "" })}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-500">
            <Link href="/users" className="hover:underline">
              Users
            </Link>{" "}
            / <span data-pii="">{userId}</span>
          </p>
          <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
            <span data-pii="">{fullName}</span> <StatusBadge status={user.state} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            <span data-pii="" className="font-mono">{user.userId}</span>
            {user.externalRef ? <> · externalRef <span data-pii="" className="font-mono">{user.externalRef}</span></> : null} · created <DateTime value={user.createdAt} /> · in <EnvironmentBadge kind={environment.kind} name={environment.name} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canRunFlows && activeDevice ? (
            <>
              <ButtonLink variant="secondary" href={reuse("/stepup")}>Step up</ButtonLink>
              <ButtonLink variant="secondary" href={reuse("/authenticate")}>Authenticate</ButtonLink>
            </>
          ) : null}
          {canManage ? (
            <>
              {user.state === "LOCKED" ? (
                <Button variant="secondary" onClick={() => setPending(userAction("unlock", "Unlock user"))}>Unlock user</Button>
              ) : (
                <Button variant="secondary" onClick={() => setPending(userAction("lock", "Lock user"))}>Lock user</Button>
              )}
              <Button variant="danger" onClick={() => setPending(userAction("delete", "Delete user"))}>Delete user</Button>
            </>
          ) : null}
        </div>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card title="Attributes">
          {user.attributes && Object.keys(user.attributes).length ? (
            <dl className="space-y-2 text-sm">
              {Object.entries(user.attributes).map(([k, v]) => (
                <div key={k} className="grid grid-cols-[9rem_1fr] gap-2">
                  <dt className="font-mono text-xs text-slate-500">{k}</dt>
                  <dd data-pii="" className="font-medium text-slate-900">{String(v)}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">No attributes yet: no proofing has completed for this user.</p>
          )}
        </Card>

        <Card title={`Devices (${devices.length})`} className="lg:col-span-2">
          {devices.length === 0 ? (
            <p className="text-sm text-slate-600">No device. A device is added when the user activates the Authenticator App with an activation code.</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Devices">
              {devices.map((d) => (
                <li key={d.deviceId} className="py-3 first:pt-0 last:pb-0" aria-label={`Device ${d.deviceName ?? d.deviceId}`}>
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="font-medium text-slate-900">{d.deviceName ?? UNNAMED_DEVICE}</span>
                    <StatusBadge status={d.state} />
                    <span className="text-xs text-slate-500">{d.platform}</span>
                    <span data-pii="" className="font-mono text-xs text-slate-500">{d.deviceId}</span>
                  </div>
                  <p className="mt-1 text-xs text-slate-500">
                    Created <DateTime value={d.createdAt} /> · last used {d.lastUsedAt ? <DateTime value={d.lastUsedAt} style="relative" /> : "never"}
                    {d.deviceDetails?.lockReason ? <> · lock reason: <span className="font-medium text-amber-800">{d.deviceDetails.lockReason}</span></> : null}
                  </p>
                  {canManage && d.state !== "DEACTIVATED" ? (
                    <div className="mt-2 flex flex-wrap gap-2">
                      <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setPending(deviceAction(d, "rename", "Rename device"))}>Rename</Button>
                      {d.state === "LOCKED" ? (
                        <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setPending(deviceAction(d, "unlock", "Unlock device"))}>Unlock</Button>
                      ) : (
                        <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setPending(deviceAction(d, "lock", "Lock device"))}>Lock</Button>
                      )}
                      <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setPending(deviceAction(d, "deactivate", "Deactivate device"))}>Deactivate</Button>
                      <Button variant="danger" className="px-2.5 py-1 text-xs" onClick={() => setPending(deviceAction(d, "delete", "Delete device"))}>Delete</Button>
                    </div>
                  ) : canManage ? (
                    <div className="mt-2">
                      <Button variant="danger" className="px-2.5 py-1 text-xs" onClick={() => setPending(deviceAction(d, "delete", "Delete device"))}>Delete</Button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card title={`Identity proofings (${proofings.length})`}>
        {proofings.length === 0 ? (
          <p className="text-sm text-slate-600">No proofing is bound to this user{failedAttempts.length ? " — see the attempts that did not bind below" : " yet"}.</p>
        ) : (
          <ul className="space-y-3" aria-label="Identity proofings">
            {proofings.map((p) => (
              <li key={p.proofingId}>
                <button
                  type="button"
                  onClick={() => setOpenProofing(openProofing === p.proofingId ? null : p.proofingId)}
                  aria-expanded={openProofing === p.proofingId}
                  className="flex w-full flex-wrap items-center gap-3 rounded-lg px-3 py-2 text-left text-sm ring-1 ring-slate-200 hover:bg-slate-50"
                >
                  <DateTime value={p.createdAt} className="font-medium text-slate-900" />
                  <span className="text-slate-600">{p.provider}</span>
                  <StatusBadge status={p.status} />
                  <span data-pii="" className="font-mono text-xs text-slate-500">{p.proofingId}</span>
                  <span className="ml-auto text-xs font-medium text-indigo-700">{openProofing === p.proofingId ? "Close" : "Open the full record"}</span>
                </button>
                {openProofing === p.proofingId ? (
                  <div className="mt-3">
                    <ProofingRecord
                      dataUrl={`/api/proofings/${encodeURIComponent(p.dossierId)}/${encodeURIComponent(p.processId)}?environmentId=${env}`}
                      imageUrl={(d) => `/api/proofings/${encodeURIComponent(p.dossierId)}/${encodeURIComponent(p.processId)}/images/${d}?environmentId=${env}`}
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {failedAttempts.length ? <FailedAttempts flows={failedAttempts} /> : null}
      </Card>

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Transactions (from the API)">
          {transactionItems.length === 0 ? (
            <p className="text-sm text-slate-600">No registrations or authentications yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label="Transactions">
              {transactionItems.map((t) => (
                <li key={t.transactionId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <DateTime value={t.createdAt} className="shrink-0 text-xs text-slate-600 sm:w-40" />
                  <span className="font-medium text-slate-800">{t.type === "REGISTRATION" ? "Registration" : "Authentication"}</span>
                  <StatusBadge status={t.state} />
                  <span className="ml-auto min-w-0 truncate font-mono text-xs text-slate-500" title={t.deviceId ?? ""}>{t.deviceId ?? ""}</span>
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
        </Card>
        <Card title="Flows from this console">
          {flows.length === 0 ? (
            <EmptyState title="None">This console has not run a flow for this user.</EmptyState>
          ) : (
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
          )}
        </Card>
      </div>

      {pending ? <ActionDialog action={pending} onClose={() => setPending(null)} onDone={finish} /> : null}
    </div>
  );
}

/** Proofing attempts from this console's flows that ended without binding a proofing, with why. */
function FailedAttempts({ flows }: { flows: FlowListItem[] }) {
  return (
    <div className="mt-4 border-t border-slate-100 pt-4">
      <h3 className="text-sm font-semibold text-slate-800">Attempts that did not bind a proofing ({flows.length})</h3>
      <ul className="mt-2 space-y-2" aria-label="Failed proofing attempts">
        {flows.map((f) => (
          <li key={f.id}>
            <Link href={`/flows/${f.id}`} className="flex flex-wrap items-center gap-3 rounded-lg px-3 py-2 text-sm ring-1 ring-rose-200 hover:bg-rose-50">
              <DateTime value={f.createdAt} className="font-medium text-slate-900" />
              <span className="text-slate-700">{flowTypeLabel(f.type)}</span>
              <StatusBadge status={f.status} />
              <span className="min-w-0 flex-1 text-slate-600">{f.errorMessage ?? f.errorCode ?? "No reason was given."}</span>
              <span className="text-xs font-medium text-indigo-700">Open the flow</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
