"use client";

/**
 * What the audience sees of the bank's side, in large type: the activation QR, where the flow
 * stands, the identity written onto the user, the proofing's images and checks, and what a reuse
 * authentication hands back. Personal data is <Sensitive>, so masking hides it here too.
 */
import { useQuery } from "@tanstack/react-query";
import { Sensitive } from "@/components/masking/masking";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DemoFlow } from "@/lib/demo/story";
import { stepsOf, STEP_LABELS, type FlowStep } from "@/lib/flows/steps";
import { fetchJson } from "@/lib/http/fetch-json";
import { QrCode } from "@/components/ui/qr-code";

const IDENTITY_LABELS: [string, string][] = [
  ["firstName", "Given names"],
  ["lastName", "Surname"],
  ["dateOfBirth", "Date of birth"],
  ["nationality", "Nationality"],
  ["gender", "Sex"],
  ["documentNumber", "Document number"],
];

const CHECK_LABELS: Record<string, string> = {
  nonExpired: "Document not expired",
  notUnderage: "Not under age",
  dataIntegrity: "Data integrity",
  notFaceSpoofing: "No face spoofing",
  sidesMatch: "Document sides match",
  untamperedDocument: "Document not tampered",
};

type Result = { userData?: Record<string, string>; attributesAfter?: Record<string, unknown>; userAttributes?: Record<string, unknown> };

const group = (code: string) => code.replace(/(\d{3})(\d{3})(\d+)/, "$1 $2 $3");

export function ActivationPanel({ flow, phoneLink }: { flow: DemoFlow; phoneLink: string | null }) {
  return (
    <div className="flex items-center gap-8">
      <div className="rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <QrCode value={phoneLink ?? flow.activationCode ?? ""} size={168} level="M" role="img" aria-label="Activation QR code" />
      </div>
      <div className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">Activation code</p>
        <output data-testid="demo-activation-code" className="block font-mono text-4xl font-semibold tracking-wider text-slate-900">
          {group(flow.activationCode ?? "")}
        </output>
        <p className="max-w-sm text-base text-slate-600">Scan it with the phone&apos;s camera, or let the phone on the right do it.</p>
      </div>
    </div>
  );
}

/** The flow's milestones with a tick for each one reached. */
export function Milestones({ flow }: { flow: DemoFlow }) {
  const reached = new Set(flow.events.filter((e) => e.kind === "step").map((e) => e.name));
  return (
    <ol className="flex flex-wrap gap-2" aria-label="Progress">
      {stepsOf(flow.type).map((name: FlowStep) => {
        const done = reached.has(name) || (name === "completed" && flow.status === "Completed");
        return (
          <li key={name} className={`flex items-center gap-1.5 rounded-full px-3 py-1 text-base ${done ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-500"}`}>
            <span aria-hidden="true">{done ? "✓" : "○"}</span>
            {STEP_LABELS[name]}
            <span className="sr-only">{done ? " (done)" : " (not yet)"}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function FlowStatusLine({ flow }: { flow: DemoFlow }) {
  return (
    <div className="flex items-center gap-3 text-base text-slate-700">
      <span>Status</span>
      <span data-testid="demo-flow-status">
        <StatusBadge status={flow.status} />
      </span>
      {flow.status !== "Pending" && flow.status !== "Completed" && flow.errorMessage ? <span className="text-rose-700">{flow.errorMessage}</span> : null}
    </div>
  );
}

/** The identity the proofing wrote onto the user (onboarding), refreshed (step-up) or handed back (reuse). */
export function IdentityCard({ flow, title }: { flow: DemoFlow; title: string }) {
  const result = (flow.result ?? {}) as Result;
  const identity = result.userAttributes ?? result.attributesAfter ?? result.userData ?? {};
  const rows = IDENTITY_LABELS.filter(([key]) => identity[key] !== undefined && identity[key] !== null);
  return (
    <section aria-label={title} className="rounded-2xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <dl className="mt-2 grid grid-cols-3 gap-x-8 gap-y-2">
        {rows.map(([key, label]) => (
          <div key={key}>
            <dt className="text-sm text-slate-500">{label}</dt>
            <dd className="text-xl font-semibold text-slate-900">
              <Sensitive>{String(identity[key])}</Sensitive>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

type Process = { status?: string; providerSpecific?: { ocr?: { similarityScore?: number; securityChecks?: Record<string, { valid?: boolean }> } } };

/** The proofing's document and selfie, and its security checks. */
export function ProofingSummary({ flow }: { flow: DemoFlow }) {
  const query = useQuery({
    queryKey: ["demo-proofing", flow.id, flow.status],
    queryFn: () => fetchJson<{ process: Process }>(`/api/demo/flows/${flow.id}/proofing`),
    enabled: !!flow.processId,
  });
  if (!flow.processId) return null;
  if (query.isPending) return <p className="text-lg text-slate-500">Loading the proofing record…</p>;
  if (query.isError) return <p className="text-lg text-rose-700">The proofing record could not be read: {query.error.message}</p>;
  const checks = Object.entries(query.data.process.providerSpecific?.ocr?.securityChecks ?? {});
  return (
    <section aria-label="Identity proofing" className="flex gap-5 rounded-2xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex shrink-0 gap-3">
        {(["front", "selfie"] as const).map((depiction) => (
          <img
            key={depiction}
            data-pii=""
            src={`/api/demo/flows/${flow.id}/images/${depiction}`}
            alt={depiction === "front" ? "The document the phone captured" : "The selfie the phone captured"}
            className="h-28 rounded-lg bg-slate-100 object-contain ring-1 ring-slate-200"
          />
        ))}
      </div>
      <div className="min-w-0">
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Security checks · VideoID {query.data.process.status}</h3>
        <ul className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-base" aria-label="Security checks">
          {checks.map(([name, check]) => (
            <li key={name} className={check.valid ? "text-emerald-800" : "text-rose-700"}>
              <span aria-hidden="true">{check.valid ? "✓ " : "✗ "}</span>
              {CHECK_LABELS[name] ?? name}
              <span className="sr-only">{check.valid ? ": passed" : ": failed"}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
