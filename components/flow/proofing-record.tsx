"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice, Skeleton } from "@/components/ui/states";
import { fetchJson } from "@/lib/http/fetch-json";
import { securityCheckLabel } from "@/lib/ui/labels";

type Process = {
  processId?: string;
  provider?: string;
  processType?: string;
  status?: string;
  depictions?: string[];
  failReason?: { type?: string; message?: string } | null;
  providerSpecific?: { ocr?: Record<string, unknown> & { securityChecks?: Record<string, { valid?: boolean }> } };
  createdAt?: string;
  updatedAt?: string;
};

const FIELD_LABELS: [string, string][] = [
  ["firstName", "Given names"],
  ["lastName", "Surname"],
  ["dateOfBirth", "Date of birth"],
  ["gender", "Sex"],
  ["nationality", "Nationality"],
  ["documentType", "Document type"],
  ["idType", "Document id"],
  ["documentNumber", "Document number"],
  ["issuingCountry", "Issuing country"],
  ["dateOfExpiry", "Date of expiry"],
  ["similarityScore", "Face similarity"],
  ["livenessDetected", "Liveness detected"],
];

/** The proofing record from the Assure API: extracted fields, security checks, images, raw JSON. */
export function ProofingRecord({ dataUrl, imageUrl, refreshKey = "" }: { dataUrl: string; imageUrl: (depiction: string) => string; refreshKey?: string }) {
  const [raw, setRaw] = useState(false);
  const [enlarged, setEnlarged] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["proofing", dataUrl, refreshKey],
    queryFn: () => fetchJson<{ process: Process; traceId: string | null }>(dataUrl),
  });

  if (query.isPending) {
    return (
      <Card title="Identity proofing record">
        <div className="space-y-3">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton />
          <Skeleton />
        </div>
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card title="Identity proofing record">
        <ErrorNotice
          title="Could not load the proofing record"
          action={
            <button className="font-medium underline" onClick={() => query.refetch()}>
              Try again
            </button>
          }
        >
          {query.error.message}
        </ErrorNotice>
      </Card>
    );
  }
  const process = query.data.process;
  const ocr = process.providerSpecific?.ocr;
  const checks = Object.entries(ocr?.securityChecks ?? {});
  const images = (process.depictions ?? []).filter((d) => ["front", "back", "selfie"].includes(d));

  return (
    <Card
      title="Identity proofing record"
      actions={
        <button type="button" onClick={() => setRaw((r) => !r)} className="text-xs font-medium text-indigo-700 hover:underline">
          {raw ? "Hide raw JSON" : "Show raw JSON"}
        </button>
      }
    >
      <div className="mb-4 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <span>
          Process status: <strong data-testid="process-status">{process.status}</strong>
        </span>
        <span className="text-slate-500">
          {process.provider} · {process.processType}
        </span>
        {query.data.traceId ? <span className="font-mono text-xs text-slate-500">trace {query.data.traceId}</span> : null}
      </div>
      {process.failReason ? (
        <div className="mb-4">
          <ErrorNotice title={`Reason: ${process.failReason.type ?? "unknown"}`}>{process.failReason.message}</ErrorNotice>
        </div>
      ) : null}
      {ocr ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <div>
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Extracted from the document</h3>
            <dl className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
              {FIELD_LABELS.filter(([k]) => ocr[k] !== undefined && ocr[k] !== null && ocr[k] !== "").map(([key, label]) => (
                <div key={key} className="grid grid-cols-2 gap-2 px-3 py-1.5 text-sm">
                  <dt className="text-slate-500">{label}</dt>
                  <dd data-pii="" className="font-medium text-slate-900">
                    {String(ocr[key])}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
          <div>
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Security checks</h3>
            <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
              {checks.map(([name, check]) => (
                <li key={name} className="flex items-center justify-between px-3 py-1.5 text-sm">
                  <span className="text-slate-700">{securityCheckLabel(name)}</span>
                  <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${check.valid ? "bg-emerald-50 text-emerald-700" : "bg-rose-50 text-rose-700"}`}>
                    {check.valid ? "Pass" : "Fail"}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-600">No extracted data: the proofing {process.status === "pending" ? "has not finished yet" : `ended ${process.status}`}.</p>
      )}
      {images.length ? (
        <div className="mt-6">
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Images</h3>
          <div className="flex flex-wrap gap-4">
            {images.map((d) => (
              <button key={d} id={`enlarge-${d}`} type="button" onClick={() => setEnlarged(d)} className="group text-left">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img data-pii="" src={imageUrl(d)} alt={`Proofing image: ${d}`} className="h-40 rounded-lg bg-slate-100 object-contain ring-1 ring-slate-200 group-hover:ring-indigo-400" />
                <span className="mt-1 block text-xs text-slate-600">
                  <span className="capitalize">{d}</span> · click to enlarge
                </span>
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {raw ? (
        <pre data-pii="" className="mt-6 max-h-[32rem] overflow-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100">
          {JSON.stringify(process, null, 2)}
        </pre>
      ) : null}
      <Dialog open={!!enlarged} onClose={() => setEnlarged(null)} title={enlarged ? `Proofing image: ${enlarged}` : ""} showClose closeOnBackdrop className="max-w-4xl">
        {enlarged ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img data-pii="" src={imageUrl(enlarged)} alt={`Proofing image: ${enlarged}, enlarged`} className="mx-auto max-h-[75vh] max-w-full rounded-lg bg-white object-contain" />
        ) : null}
      </Dialog>
    </Card>
  );
}
