"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { EmptyState, ErrorNotice, Skeleton } from "@/components/ui/states";
import type { ApiDevice, ApiUser } from "@/lib/end-users/directory";
import { fetchJson } from "@/lib/http/fetch-json";
import { attributeText } from "@/lib/ui/labels";

type KnownUser = { userId: string; externalRef: string | null; firstName: string | null; lastName: string | null; lastSeenAt: string };
type Found = { exact: ApiUser | null; items: KnownUser[]; total: number };

const name = (u: { firstName?: unknown; lastName?: unknown } | undefined | null) => [u?.firstName, u?.lastName].filter((x) => typeof x === "string" && x).join(" ");

/**
 * Choosing whom a flow acts on: search by userId or externalRef (asked of the API) or by
 * name among users the console has met; then one of that user's active devices.
 */
export function UserDevicePicker({
  environmentId,
  userId,
  deviceId,
  onChange,
  errors,
}: {
  environmentId: string;
  userId: string;
  deviceId: string;
  onChange: (v: { userId: string; deviceId: string }) => void;
  errors: Record<string, string>;
}) {
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setQ(draft.trim()), 300);
    return () => clearTimeout(t);
  }, [draft]);

  const search = useQuery({
    queryKey: ["users", environmentId, q],
    queryFn: () => fetchJson<Found>(`/api/users?environmentId=${encodeURIComponent(environmentId)}&q=${encodeURIComponent(q)}`),
    enabled: !!environmentId && !userId,
  });
  const chosen = useQuery({
    queryKey: ["user", environmentId, userId],
    queryFn: () => fetchJson<{ user: ApiUser; devices: ApiDevice[] }>(`/api/users/${encodeURIComponent(userId)}?environmentId=${encodeURIComponent(environmentId)}`),
    enabled: !!environmentId && !!userId,
  });

  // Pick the only active device by itself.
  const devices = chosen.data?.devices ?? [];
  const active = devices.filter((d) => d.state === "ACTIVE");
  useEffect(() => {
    if (userId && !deviceId && active.length === 1) onChange({ userId, deviceId: active[0].deviceId });
  }, [userId, deviceId, active, onChange]);

  if (userId) {
    return (
      <Card
        title="User and device"
        actions={
          <button type="button" className="text-xs font-medium text-indigo-700 hover:underline" onClick={() => onChange({ userId: "", deviceId: "" })}>
            Choose another user
          </button>
        }
      >
        {chosen.isPending ? (
          <div className="space-y-2">
            <Skeleton className="h-5 w-1/2" />
            <Skeleton />
          </div>
        ) : chosen.isError ? (
          <ErrorNotice title="Could not load this user">{chosen.error.message}</ErrorNotice>
        ) : (
          <div className="space-y-4">
            <div className="text-sm">
              <p className="font-semibold text-slate-900">{name(chosen.data.user.attributes) || "No name on record yet"}</p>
              <p className="font-mono text-xs text-slate-500">
                {chosen.data.user.userId}
                {chosen.data.user.externalRef ? ` · externalRef ${chosen.data.user.externalRef}` : ""} · {chosen.data.user.state}
              </p>
            </div>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Device</legend>
              {devices.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600">This user has no device. Onboard them first.</p>
              ) : (
                <div className="mt-2 space-y-2">
                  {devices.map((d) => (
                    <label
                      key={d.deviceId}
                      className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm ring-1 ${d.state !== "ACTIVE" ? "cursor-not-allowed opacity-60 ring-slate-200" : deviceId === d.deviceId ? "bg-indigo-50 ring-indigo-500" : "cursor-pointer ring-slate-300"}`}
                    >
                      <input
                        type="radio"
                        name="deviceId"
                        value={d.deviceId}
                        checked={deviceId === d.deviceId}
                        disabled={d.state !== "ACTIVE"}
                        onChange={() => onChange({ userId, deviceId: d.deviceId })}
                      />
                      <span className="font-medium text-slate-800">{d.deviceName ?? "Unnamed device"}</span>
                      <span className="text-xs text-slate-500">{d.platform}</span>
                      <span className="ml-auto text-xs font-semibold text-slate-600">{d.state === "ACTIVE" ? "Active" : `${d.state} — cannot be used`}</span>
                    </label>
                  ))}
                </div>
              )}
              {errors.deviceId ? <p className="mt-1 text-sm text-rose-600">{errors.deviceId}</p> : null}
            </fieldset>
          </div>
        )}
      </Card>
    );
  }

  return (
    <Card title="User and device">
      <label htmlFor="user-search" className="block text-sm font-medium text-slate-800">
        Find the user
      </label>
      <input
        id="user-search"
        type="search"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder="userId, externalRef or name"
        className={`${inputClass} mt-1.5`}
        aria-invalid={!!errors.userId}
      />
      {errors.userId ? (
        <p className="mt-1 text-sm text-rose-600">{errors.userId}</p>
      ) : (
        <p className="mt-1 text-xs text-slate-500">An exact userId or externalRef is looked up in the API; names match users this console has met.</p>
      )}
      <div className="mt-4">
        {search.isPending ? (
          <div className="space-y-2">
            <Skeleton />
            <Skeleton />
          </div>
        ) : search.isError ? (
          <ErrorNotice title="The search failed">{search.error.message}</ErrorNotice>
        ) : search.data.exact || search.data.items.length ? (
          <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="Users found">
            {[
              ...(search.data.exact && !search.data.items.some((u) => u.userId === search.data.exact!.userId)
                ? [
                    {
                      userId: search.data.exact.userId,
                      externalRef: search.data.exact.externalRef ?? null,
                      firstName: attributeText(search.data.exact.attributes?.firstName ?? "") || null,
                      lastName: attributeText(search.data.exact.attributes?.lastName ?? "") || null,
                      lastSeenAt: "",
                    },
                  ]
                : []),
              ...search.data.items,
            ].map((u) => (
              <li key={u.userId}>
                <button type="button" onClick={() => onChange({ userId: u.userId, deviceId: "" })} className="flex w-full items-center gap-3 px-3 py-2 text-left text-sm hover:bg-slate-50">
                  <span className="shrink-0 font-medium text-slate-900">{name(u) || "No name yet"}</span>
                  <span className="min-w-0 truncate font-mono text-xs text-slate-500">{u.externalRef ?? u.userId}</span>
                  <span className="ml-auto shrink-0 text-xs text-indigo-700">Choose</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={q ? "No user found" : "No users yet"}>
            {q ? "Check the id, or onboard this person first." : "Users appear here once the console has onboarded or looked them up."}
          </EmptyState>
        )}
      </div>
    </Card>
  );
}
