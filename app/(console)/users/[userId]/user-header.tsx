"use client";

import Link from "next/link";
import { EnvironmentBadge } from "@/components/environment-badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ApiUser } from "@/lib/end-users/directory";
import type { PublicEnvironment } from "@/lib/environments";
import type { UserActionName } from "./user-actions";

/** The user's name, state and identifiers, with the flows and support actions that apply to them. */
export function UserHeader({
  user,
  userId,
  fullName,
  environment,
  reuseHref,
  canManage,
  onAction,
}: {
  user: ApiUser;
  userId: string;
  fullName: string;
  environment: PublicEnvironment;
  /** Links to a flow for this user's active device, or null when there is none (or the staff may not run flows). */
  reuseHref: ((path: string) => string) | null;
  canManage: boolean;
  onAction: (action: UserActionName, title: string) => void;
}) {
  return (
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
          <span data-pii="" className="font-mono">
            {user.userId}
          </span>
          {user.externalRef ? (
            <>
              {" "}
              · externalRef{" "}
              <span data-pii="" className="font-mono">
                {user.externalRef}
              </span>
            </>
          ) : null}{" "}
          · created <DateTime value={user.createdAt} /> · in <EnvironmentBadge kind={environment.kind} name={environment.name} />
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        {reuseHref ? (
          <>
            <ButtonLink variant="secondary" href={reuseHref("/stepup")}>
              Step up
            </ButtonLink>
            <ButtonLink variant="secondary" href={reuseHref("/authenticate")}>
              Authenticate
            </ButtonLink>
          </>
        ) : null}
        {canManage ? (
          <>
            {user.state === "LOCKED" ? (
              <Button variant="secondary" onClick={() => onAction("unlock", "Unlock user")}>
                Unlock user
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => onAction("lock", "Lock user")}>
                Lock user
              </Button>
            )}
            <Button variant="danger" onClick={() => onAction("delete", "Delete user")}>
              Delete user
            </Button>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** What the user's proofings told about them. */
export function UserAttributes({ attributes }: { attributes: ApiUser["attributes"] }) {
  return attributes && Object.keys(attributes).length ? (
    <dl className="space-y-2 text-sm">
      {Object.entries(attributes).map(([k, v]) => (
        <div key={k} className="grid grid-cols-[9rem_1fr] gap-2">
          <dt className="font-mono text-xs text-slate-500">{k}</dt>
          <dd data-pii="" className="font-medium text-slate-900">
            {String(v)}
          </dd>
        </div>
      ))}
    </dl>
  ) : (
    <p className="text-sm text-slate-600">No attributes yet: no proofing has completed for this user.</p>
  );
}
