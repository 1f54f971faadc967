"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { EnvironmentBadge } from "@/components/environment-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorNotice, Notice } from "@/components/ui/states";
import { appConfiguration } from "@/lib/environments/app-configuration";
import type { PublicEnvironment } from "@/lib/environments";
import { fetchJson } from "@/lib/http/fetch-json";
import { DeleteEnvironmentDialog } from "./delete-environment-dialog";
import { EnvironmentForm } from "./environment-form";
import { QrCode } from "@/components/ui/qr-code";

export function EnvironmentList({ environments, canManage }: { environments: PublicEnvironment[]; canManage: boolean }) {
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-6">
      {done ? (
        <div role="status">
          <Notice tone="success">{done}</Notice>
        </div>
      ) : null}
      {canManage ? (
        adding ? (
          <EnvironmentForm
            onDone={(saved) => {
              setAdding(false);
              if (saved) setDone(`Added the environment ${saved.name}.`);
            }}
          />
        ) : (
          <Button onClick={() => setAdding(true)}>Add environment</Button>
        )
      ) : null}
      {environments.length === 0 ? <EmptyState title="No environments">An admin can add a connection to Signicat.</EmptyState> : null}
      {environments.map((env) => (
        <EnvironmentCard key={env.id} env={env} canManage={canManage} onDone={setDone} />
      ))}
    </div>
  );
}

function EnvironmentCard({ env, canManage, onDone }: { env: PublicEnvironment; canManage: boolean; onDone: (message: string) => void }) {
  const [origin, setOrigin] = useState("");
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const test = useMutation({
    mutationFn: () => fetchJson<{ expiresIn: number; scope: string | null; durationMs: number }>(`/api/environments/${env.id}/test`, { method: "POST" }),
  });
  const config = origin ? appConfiguration(env, origin) : null;
  // The Local emulator is configured by the console itself: neither edited nor deleted here.
  const editable = canManage && env.kind !== "embedded";
  if (editing)
    return (
      <EnvironmentForm
        editing={env}
        onDone={(saved) => {
          setEditing(false);
          if (saved) onDone(`Saved the environment ${saved.name}.`);
        }}
      />
    );
  return (
    <Card
      title={
        <span className="flex items-center gap-3">
          {env.name} <EnvironmentBadge kind={env.kind} />
        </span>
      }
      actions={
        canManage ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => test.mutate()} disabled={test.isPending}>
              {test.isPending ? "Testing…" : "Test connection"}
            </Button>
            {editable ? (
              <>
                <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${env.name}`}>
                  Edit
                </Button>
                <Button variant="secondary" onClick={() => setDeleting(true)} aria-label={`Delete ${env.name}`}>
                  Delete
                </Button>
              </>
            ) : null}
          </div>
        ) : null
      }
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <dl className="space-y-2 text-sm">
          <Row label="API base URL" value={env.baseUrl} />
          <Row label="Client id" value={env.clientId} />
          <Row label="Client secret" value="•••••••• (stored encrypted)" />
          <Row label="Account id" value={env.accountId ?? "from the token"} />
          <EventsRows env={env} origin={origin} />
          <PostmanLinks env={env} />
        </dl>
        <div>
          <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Authenticator App configuration</p>
          {config ? (
            <div className="flex flex-col gap-4 sm:flex-row">
              <QrCode value={JSON.stringify(config)} size={120} level="M" role="img" aria-label={`App configuration QR for ${env.name}`} />
              <dl className="min-w-0 space-y-1 text-xs">
                <Row label="applicationId" value={config.applicationId} mono />
                <Row label="publicKey" value={config.publicKey} mono truncate />
                <Row label="server URL" value={config.serverUrl} mono />
              </dl>
            </div>
          ) : (
            <p className="text-sm text-slate-500">Not set. Add the applicationId, public key and server URL from Signicat&apos;s dashboard to show the app&apos;s Quick configuration here.</p>
          )}
        </div>
      </div>
      {test.isSuccess ? (
        <div className="mt-4" data-testid="connection-result">
          <Notice tone="success">
            Connected: got a token for scope {test.data.scope ?? "?"} valid {test.data.expiresIn} s, in {test.data.durationMs} ms.
          </Notice>
        </div>
      ) : null}
      {test.isError ? (
        <div className="mt-4" data-testid="connection-result">
          <ErrorNotice title="The connection test failed">{test.error.message}</ErrorNotice>
        </div>
      ) : null}
      {deleting ? (
        <DeleteEnvironmentDialog
          env={env}
          onClose={() => setDeleting(false)}
          onDeleted={(message) => {
            setDeleting(false);
            onDone(message);
          }}
        />
      ) : null}
    </Card>
  );
}

/**
 * Signicat Events: the emulator is subscribed by the console itself; a real account is
 * subscribed in Signicat's dashboard with this URL and the secret stored here.
 */
function EventsRows({ env, origin }: { env: PublicEnvironment; origin: string }) {
  if (env.kind === "embedded") {
    return <Row label="Events" value={env.events.subscriptionId ? "Subscribed by the console: flows update as the emulator's events arrive" : "The console subscribes at the first flow"} />;
  }
  return (
    <>
      <Row label="Events webhook" value={origin ? `${origin}${env.events.receiverPath}` : env.events.receiverPath} mono />
      <Row
        label="Events secret"
        value={env.events.secretSet ? "•••••••• (stored encrypted)" : "Not set: add the webhook above under Dashboard > Settings > Events, then its secret here (until then the console polls)"}
      />
    </>
  );
}

/** Postman files for this environment: the secret stays out unless it is the emulator's development default. */
function PostmanLinks({ env }: { env: PublicEnvironment }) {
  const href = (file: string) => `/api/environments/${env.id}/postman?file=${file}`;
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2">
      <dt className="text-slate-500">Postman</dt>
      <dd className="flex flex-wrap gap-3 text-indigo-700">
        <a href={href("environment")} className="hover:underline">
          Download environment
        </a>
        <a href={href("collection")} className="hover:underline">
          Download collection
        </a>
      </dd>
    </div>
  );
}

function Row({ label, value, mono, truncate }: { label: string; value: string; mono?: boolean; truncate?: boolean }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className={`${mono ? "font-mono" : ""} ${truncate ? "truncate" : "wrap-anywhere"} text-slate-900`} title={value}>
        {value}
      </dd>
    </div>
  );
}
