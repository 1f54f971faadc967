"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EnvironmentBadge } from "@/components/environment-badge";
import { ActivationCodeQr } from "@/components/flow/activation-code-qr";
import { FlowStory } from "@/components/flow/flow-story";
import { FlowTimeline } from "@/components/flow/flow-timeline";
import { ProofingRecord } from "@/components/flow/proofing-record";
import { CopyButton } from "@/components/copy-button";
import { StatusBadge } from "@/components/status-badge";
import { Card } from "@/components/ui/card";
import { ErrorNotice, Notice } from "@/components/ui/states";
import type { FlowDetail } from "@/lib/flows/queries";
import { fetchJson } from "@/lib/http/fetch-json";

type Live = FlowDetail & { upstreamError: string | null };

const ACTIVATION_LIFETIME_MS = 10 * 60_000;

const REASONS: Record<string, string> = {
  activation_expired: "The activation code was not used within 10 minutes.",
  proofing_expired: "The identity proofing was not finished in time.",
  proofing_rejected: "The identity proofing was rejected.",
  proofing_failed: "The identity proofing failed.",
  proofing_inconclusive: "The identity proofing was inconclusive.",
  user_cancelled: "The user cancelled in the app.",
};

export function FlowView({ initial }: { initial: Live }) {
  const query = useQuery({
    queryKey: ["flow", initial.id],
    queryFn: () => fetchJson<Live>(`/api/flows/${initial.id}`, { timeoutMs: 20_000 }),
    initialData: initial,
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (q.state.data?.status === "Pending" ? 1_500 : false),
    refetchIntervalInBackground: false,
  });
  const flow = query.data;
  const result = (flow.result ?? {}) as { userData?: Record<string, string> };
  const showProofing = !!flow.processId && (flow.status !== "Pending" || flow.events.some((e) => e.name === "proofing_finished"));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-500">
            <Link href="/flows" className="hover:underline">
              History
            </Link>{" "}
            / {flow.type}
          </p>
          <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
            <span className="capitalize">{flow.type}</span>
            <span data-testid="flow-status">
              <StatusBadge status={flow.status} />
            </span>
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Started {new Date(flow.createdAt).toLocaleString()} by {flow.startedBy.name} in <EnvironmentBadge kind={flow.environment.kind} name={flow.environment.name} />
            {flow.externalRef ? <> · externalRef <span className="font-mono">{flow.externalRef}</span></> : null}
          </p>
        </div>
      </div>

      {query.isError ? (
        <ErrorNotice title="Lost contact with the console">{query.error.message} — the page keeps the last known state.</ErrorNotice>
      ) : null}
      {flow.upstreamError && flow.status === "Pending" ? (
        <ErrorNotice title="Could not get the latest status from Signicat">{flow.upstreamError} — retrying every few seconds; the exchange is recorded below.</ErrorNotice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {flow.status === "Pending" && flow.activationCode && !flow.events.some((e) => e.name === "device_activated") ? (
            <ActivationCodeQr code={flow.activationCode} environment={flow.environment} expiresAt={new Date(new Date(flow.createdAt).getTime() + ACTIVATION_LIFETIME_MS)} />
          ) : null}
          {flow.status === "Pending" && flow.events.some((e) => e.name === "device_activated") ? (
            <Notice>The device is activated. Waiting for the identity proofing in the app: document, then selfie.</Notice>
          ) : null}

          {flow.status !== "Pending" && flow.status !== "Completed" ? (
            <Card title={flow.status === "Error" ? "The flow could not be started" : `The flow ended: ${flow.status}`}>
              <div role="alert" data-testid="flow-reason" className="space-y-1 text-sm">
                <p className="font-medium text-slate-900">{(flow.errorCode && REASONS[flow.errorCode]) ?? flow.errorMessage ?? "No reason was given."}</p>
                {flow.errorCode ? (
                  <p className="text-slate-600">
                    Code <span className="font-mono">{flow.errorCode}</span>
                    {flow.errorMessage && REASONS[flow.errorCode] ? ` — ${flow.errorMessage}` : ""}
                  </p>
                ) : null}
              </div>
            </Card>
          ) : null}

          {flow.status === "Completed" && result.userData ? (
            <Card title="Identity written onto the user (userData)">
              <dl data-testid="user-data" className="grid gap-x-6 gap-y-3 sm:grid-cols-3">
                {Object.entries(result.userData).map(([key, value]) => (
                  <div key={key}>
                    <dt className="text-xs text-slate-500">{key}</dt>
                    <dd className="text-base font-semibold text-slate-900">{String(value)}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          ) : null}

          {showProofing ? <ProofingRecord flowId={flow.id} refreshKey={flow.status} /> : null}

          <Card
            title={`Timeline · ${flow.exchanges.length} API exchange${flow.exchanges.length === 1 ? "" : "s"}`}
            actions={
              <div className="flex gap-3 text-xs font-medium">
                <a href={`/api/flows/${flow.id}/export?format=sh`} className="text-indigo-700 hover:underline">
                  Export as shell script
                </a>
                <a href={`/api/flows/${flow.id}/export?format=json`} className="text-indigo-700 hover:underline">
                  Export as JSON
                </a>
              </div>
            }
          >
            <FlowStory flow={flow} />
          </Card>
        </div>

        <div className="space-y-6">
          <Card title="Progress">
            <FlowTimeline type={flow.type} status={flow.status} events={flow.events} />
          </Card>
          <Card title="Identifiers">
            <dl className="space-y-2 text-sm">
              {(
                [
                  ["transactionId", flow.transactionId],
                  ["userId", flow.userId],
                  ["deviceId", flow.deviceId],
                  ["proofingId", flow.proofingId],
                  ["dossierId", flow.dossierId],
                  ["processId", flow.processId],
                ] as const
              ).map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs text-slate-500">{label}</dt>
                  <dd className="flex items-center gap-2">
                    <span className="min-w-0 flex-1 truncate font-mono text-xs text-slate-800" data-testid={`id-${label}`}>
                      {value ?? "—"}
                    </span>
                    {value ? <CopyButton value={value} /> : null}
                  </dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </div>
    </div>
  );
}
