"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EnvironmentBadge } from "@/components/environment-badge";
import { ActivationCodeQr } from "@/components/flow/activation-code-qr";
import { FlowStory } from "@/components/flow/flow-story";
import { FlowTimeline } from "@/components/flow/flow-timeline";
import { ProofingRecord } from "@/components/flow/proofing-record";
import { CopyButton } from "@/components/copy-button";
import { AttributeChanges } from "@/components/flow/attribute-changes";
import { ButtonLink } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { ErrorNotice, Notice } from "@/components/ui/states";
import type { FlowDetail } from "@/lib/flows/queries";
import { fetchJson } from "@/lib/http/fetch-json";
import { flowTypeLabel, statusLabel } from "@/lib/ui/labels";

type Live = FlowDetail & { upstreamError: string | null };

const ACTIVATION_LIFETIME_MS = 10 * 60_000;

const REASONS: Record<string, string> = {
  activation_expired: "The activation code was not used within 10 minutes.",
  proofing_expired: "The identity proofing was not finished in time.",
  proofing_rejected: "The identity proofing was rejected.",
  proofing_failed: "The identity proofing failed.",
  proofing_inconclusive: "The identity proofing was inconclusive.",
  user_cancelled: "The user cancelled in the app.",
  authentication_rejected: "The device rejected the authentication.",
  authentication_expired: "The device did not answer before the authentication expired.",
  authentication_cancelled: "The authentication was cancelled.",
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
  const result = (flow.result ?? {}) as {
    userData?: Record<string, string>;
    attributesBefore?: Record<string, unknown>;
    attributesAfter?: Record<string, unknown>;
    userAttributes?: Record<string, unknown>;
  };
  const deviceStepDone = flow.events.some((e) => e.name === "device_approved" || e.name === "device_activated");
  const reuseLink = (path: string) =>
    `${path}?${new URLSearchParams({ environmentId: flow.environment.id, userId: flow.userId ?? "", deviceId: flow.deviceId ?? "" })}`;
  const showProofing = !!flow.processId && (flow.status !== "Pending" || flow.events.some((e) => e.name === "proofing_finished"));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-600">
            <Link href="/flows" className="hover:underline">
              History
            </Link>{" "}
            / {flowTypeLabel(flow.type)}
          </p>
          <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
            <span>{flowTypeLabel(flow.type)}</span>
            <span data-testid="flow-status">
              <StatusBadge status={flow.status} />
            </span>
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Started <DateTime value={flow.createdAt} /> by {flow.startedBy.name} in <EnvironmentBadge kind={flow.environment.kind} name={flow.environment.name} />
            {flow.externalRef ? <> · externalRef <span className="font-mono">{flow.externalRef}</span></> : null}
          </p>
        </div>
        {flow.userId && flow.deviceId && flow.status === "Completed" ? (
          <div className="flex flex-wrap gap-2">
            <ButtonLink variant="secondary" href={reuseLink("/stepup")}>
              Step up this user
            </ButtonLink>
            <ButtonLink variant="secondary" href={reuseLink("/authenticate")}>
              Authenticate this user
            </ButtonLink>
          </div>
        ) : null}
      </div>

      {query.isError ? (
        <ErrorNotice title="Lost contact with the console">{query.error.message} — the page keeps the last known state.</ErrorNotice>
      ) : null}
      {flow.upstreamError && flow.status === "Pending" ? (
        <ErrorNotice title="Could not get the latest status from Signicat">{flow.upstreamError} — retrying every few seconds; the exchange is recorded below.</ErrorNotice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {flow.status === "Pending" && flow.activationCode && !flow.events.some((e) => e.name === "device_activated") ? (
            <ActivationCodeQr code={flow.activationCode} environment={flow.environment} expiresAt={new Date(new Date(flow.createdAt).getTime() + ACTIVATION_LIFETIME_MS)} />
          ) : null}
          {flow.status === "Pending" && flow.type === "onboarding" && deviceStepDone ? (
            <Notice>The device is activated. Waiting for the identity proofing in the app: document, then selfie.</Notice>
          ) : null}
          {flow.status === "Pending" && flow.type !== "onboarding" ? (
            <Notice>
              {deviceStepDone ? (
                "The device approved. Waiting for the identity proofing in the app: document, then selfie."
              ) : (
                <>
                  Waiting for the device <span className="font-mono">{flow.deviceId}</span> to approve the request
                  {flow.environment.kind === "embedded" ? (
                    <>
                      {" "}— open the{" "}
                      <a href="/authenticator" target="_blank" rel="noopener" className="font-medium underline">
                        virtual app
                      </a>{" "}
                      that holds this device.
                    </>
                  ) : (
                    " in the Authenticator App."
                  )}
                </>
              )}
            </Notice>
          ) : null}

          {flow.status !== "Pending" && flow.status !== "Completed" ? (
            <Card title={flow.status === "Error" ? "The flow could not be started" : `The flow ended: ${statusLabel(flow.status)}`}>
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

          {flow.type === "stepup" && flow.status === "Completed" && result.attributesAfter ? (
            <Card title="What the step-up changed on the user">
              <AttributeChanges before={result.attributesBefore ?? {}} after={result.attributesAfter} />
            </Card>
          ) : null}

          {flow.type === "authentication" && flow.status === "Completed" ? (
            <Card title="Attributes returned by the authentication">
              {result.userAttributes && Object.keys(result.userAttributes).length ? (
                <dl data-testid="user-attributes" className="grid gap-x-6 gap-y-3 sm:grid-cols-3">
                  {Object.entries(result.userAttributes).map(([key, value]) => (
                    <div key={key}>
                      <dt className="text-xs text-slate-500">{key}</dt>
                      <dd className="text-base font-semibold text-slate-900">{String(value)}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="text-sm text-slate-600">The device approved. No attributes were asked for.</p>
              )}
            </Card>
          ) : null}

          {showProofing ? <ProofingRecord dataUrl={`/api/flows/${flow.id}/proofing`} imageUrl={(d) => `/api/flows/${flow.id}/images/${d}`} refreshKey={flow.status} /> : null}

          <Card
            title={`Timeline · ${flow.exchanges.length} API exchange${flow.exchanges.length === 1 ? "" : "s"}`}
            actions={
              <div className="flex flex-wrap gap-3 text-xs font-medium">
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

        <div className="min-w-0 space-y-6">
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
