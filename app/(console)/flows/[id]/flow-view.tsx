"use client";

import Link from "next/link";
import { EnvironmentBadge } from "@/components/environment-badge";
import dynamic from "next/dynamic";
import { FlowTimeline } from "@/components/flow/flow-timeline";
import { CopyButton } from "@/components/copy-button";
import { ButtonLink } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { ErrorNotice, Notice, Skeleton } from "@/components/ui/states";
import { useLiveFlow } from "@/components/flow/use-live-flow";
import type { LiveFlow } from "@/lib/flows/flow-update";
import { flowTypeLabel } from "@/lib/ui/labels";

// Shown only while a flow waits for activation, or once it has a proofing: loaded when shown.
const ActivationCodeQr = dynamic(() => import("@/components/flow/activation-code-qr").then((m) => m.ActivationCodeQr));
const ProofingRecord = dynamic(() => import("@/components/flow/proofing-record").then((m) => m.ProofingRecord));
// Shown only once a flow has ended: why it failed (and try again), or what it wrote and returned. Loaded when shown.
const FlowOutcome = dynamic(() => import("@/components/flow/flow-outcome").then((m) => m.FlowOutcome));
const FlowResult = dynamic(() => import("@/components/flow/flow-result").then((m) => m.FlowResult));
// What a pending step-up or authentication waits for (the onboarding page shows its code instead).
const DeviceApprovalNotice = dynamic(() => import("@/components/flow/device-approval-notice").then((m) => m.DeviceApprovalNotice));
// The exchanges (the longest view of the page, with their curl lines) load after the page itself.
const FlowStory = dynamic(() => import("@/components/flow/flow-story").then((m) => m.FlowStory), { ssr: false, loading: () => <Skeleton className="h-40 w-full" /> });

const ACTIVATION_LIFETIME_MS = 10 * 60_000;

/** Calls made, counting each repeat a stored row stands for. */
const callCount = (flow: LiveFlow) => flow.exchanges.reduce((n, x) => n + x.count, 0);

export function FlowView({ initial, canRun }: { initial: LiveFlow; canRun: boolean }) {
  const query = useLiveFlow(initial);
  const flow = query.data;
  const deviceActivated = flow.events.some((e) => e.name === "device_activated");
  const reuseLink = (path: string) => `${path}?${new URLSearchParams({ environmentId: flow.environment.id, userId: flow.userId ?? "", deviceId: flow.deviceId ?? "" })}`;
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
            Started <DateTime value={flow.createdAt} /> by {flow.startedBy.name} in <EnvironmentBadge kind={flow.environment.kind} name={flow.environment.name} deleted={flow.environment.deleted} />
            {flow.personName ? (
              <>
                {" "}
                · for{" "}
                <span data-pii="" className="font-medium text-slate-900" data-testid="flow-person">
                  {flow.personName}
                </span>
              </>
            ) : null}
            {flow.personRef ? (
              <>
                {" "}
                · externalRef{" "}
                <span data-pii="" className="font-mono">
                  {flow.personRef}
                </span>
              </>
            ) : null}
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

      {query.isError ? <ErrorNotice title="Lost contact with the console">{query.error.message} — the page keeps the last known state.</ErrorNotice> : null}
      {flow.upstreamError && flow.status === "Pending" ? (
        <ErrorNotice title="Could not get the latest status from Signicat">{flow.upstreamError} — retrying every few seconds; the exchange is recorded below.</ErrorNotice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {flow.status === "Pending" && flow.activationCode && !flow.events.some((e) => e.name === "device_activated") ? (
            <ActivationCodeQr code={flow.activationCode} environment={flow.environment} expiresAt={new Date(new Date(flow.createdAt).getTime() + ACTIVATION_LIFETIME_MS)} />
          ) : null}
          {flow.status === "Pending" && flow.activationCodeHidden && !flow.events.some((e) => e.name === "device_activated") ? (
            <Notice>An activation code was issued and is waiting to be used. Only testers and admins see it: it would let anyone activate a device for this user.</Notice>
          ) : null}
          {flow.status === "Pending" && flow.type === "onboarding" && deviceActivated ? (
            <Notice>The device is activated. Waiting for the identity proofing in the app: document, then selfie.</Notice>
          ) : null}
          {flow.status === "Pending" && flow.type !== "onboarding" ? <DeviceApprovalNotice flow={flow} /> : null}

          {flow.status !== "Pending" && flow.status !== "Completed" ? <FlowOutcome flow={flow} canRun={canRun} /> : null}

          {flow.status === "Completed" ? <FlowResult flow={flow} /> : null}

          {showProofing ? <ProofingRecord dataUrl={`/api/flows/${flow.id}/proofing`} imageUrl={(d) => `/api/flows/${flow.id}/images/${d}`} refreshKey={flow.status} /> : null}

          <Card
            title={`Timeline · ${callCount(flow)} API exchange${callCount(flow) === 1 ? "" : "s"}`}
            actions={
              <div className="flex flex-wrap gap-3 text-xs font-medium">
                <a href={`/api/flows/${flow.id}/export?format=sh`} className="text-indigo-700 hover:underline" title="A script that runs this flow again as a new flow and waits for it to end">
                  Export as shell script
                </a>
                <a href={`/api/flows/${flow.id}/export?format=postman`} className="text-indigo-700 hover:underline" title="A Postman collection that runs this flow again as a new flow">
                  Export as Postman collection
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
              )
                // An authentication has no proofing: its empty proofing ids would only puzzle.
                .filter(([label, value]) => value || flow.type !== "authentication" || !["proofingId", "dossierId", "processId"].includes(label))
                .map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-xs text-slate-500">{label}</dt>
                    <dd className="flex items-center gap-2">
                      <span data-pii="" className="min-w-0 flex-1 truncate font-mono text-xs text-slate-800" data-testid={`id-${label}`}>
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
