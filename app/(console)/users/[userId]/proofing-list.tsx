"use client";

import Link from "next/link";
import { useState } from "react";
import { ProofingRecord } from "@/components/flow/proofing-record";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ApiProofing } from "@/lib/end-users/directory";
import type { FlowListItem } from "@/lib/data/queries/flows";
import { flowTypeLabel } from "@/lib/ui/labels";

/** The proofings bound to the user, each opening its full record, then the attempts that bound nothing. */
export function ProofingList({ proofings, failedAttempts, environmentId }: { proofings: ApiProofing[]; failedAttempts: FlowListItem[]; environmentId: string }) {
  const [openProofing, setOpenProofing] = useState<string | null>(null);
  const env = encodeURIComponent(environmentId);
  return (
    <>
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
                <span data-pii="" className="font-mono text-xs text-slate-500">
                  {p.proofingId}
                </span>
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
    </>
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
