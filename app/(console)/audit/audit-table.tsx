import Link from "next/link";
import type { ReactNode } from "react";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { isRole, ROLE_LABELS } from "@/lib/auth/roles";
import type { AuditListItem } from "@/lib/audit/search";

/** Lets emails, ids and URLs wrap after their separators (an email after its @) instead of mid-word. */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[@/:_=&-])/);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 ? <wbr /> : null}
        </span>
      ))}
    </>
  );
}

const none = <span className="text-slate-500">—</span>;

export function AuditTable({ items, children }: { items: AuditListItem[]; children?: ReactNode }) {
  return (
    <Table label="Audit entries" footer={children}>
      <THead>
        <Th className="px-3">Time</Th>
        <Th className="px-3">Who</Th>
        <Th className="px-3">Action</Th>
        <Th className="px-3">Target</Th>
        <Th className="px-3">Environment</Th>
        <Th className="px-3">Reason</Th>
        <Th className="px-3">Outcome</Th>
        <Th className="px-3">Trace id</Th>
      </THead>
      <TBody className="align-top">
        {items.map((entry) => {
          return (
            <tr key={entry.id}>
              <td className="px-3 py-2.5 text-slate-700">
                <DateTime value={entry.createdAt} style="date" className="block" />
                <DateTime value={entry.createdAt} style="time" className="block text-xs text-slate-600" />
              </td>
              <td className="min-w-[11rem] max-w-[15rem] px-3 py-2.5">
                <span className="block text-slate-900">
                  <Breakable text={entry.actorEmail} />
                </span>
                <span className="text-xs text-slate-600">{isRole(entry.actorRole) ? ROLE_LABELS[entry.actorRole] : entry.actorRole}</span>
              </td>
              <td className="min-w-[10rem] px-3 py-2.5">
                <span className="block font-medium text-slate-900">{entry.actionLabel}</span>
                <span className="block font-mono text-xs text-slate-600">{entry.action}</span>
              </td>
              <td className="min-w-[12rem] max-w-[16rem] px-3 py-2.5">
                {entry.target ? (
                  <>
                    {entry.targetLabel ? (
                      entry.targetHref ? (
                        <Link href={entry.targetHref} className="block font-medium text-indigo-700 hover:underline">
                          {entry.targetLabel}
                        </Link>
                      ) : (
                        <span className="block font-medium text-slate-900">{entry.targetLabel}</span>
                      )
                    ) : null}
                    <span className="line-clamp-2 font-mono text-xs text-slate-600" title={entry.target}>
                      {!entry.targetLabel && entry.targetHref ? (
                        <Link href={entry.targetHref} className="text-indigo-700 hover:underline">
                          <Breakable text={entry.target} />
                        </Link>
                      ) : (
                        <Breakable text={entry.target} />
                      )}
                    </span>
                  </>
                ) : (
                  none
                )}
              </td>
              <td className="max-w-[10rem] px-3 py-2.5 text-slate-700">
                {entry.environmentId
                  ? (entry.environmentName ?? (
                      <span className="font-mono text-xs [overflow-wrap:anywhere]" title="This environment was removed">
                        {entry.environmentId}
                      </span>
                    ))
                  : none}
              </td>
              <td className="min-w-[10rem] max-w-[18rem] whitespace-pre-line px-3 py-2.5 text-slate-700">{entry.reason ?? none}</td>
              <td className="max-w-[13rem] px-3 py-2.5">
                <StatusBadge status={entry.outcome} label={entry.outcome === "ok" ? "ok" : "error"} />
                {entry.detail ? (
                  <span className="mt-1 line-clamp-2 text-xs text-slate-600" title={entry.detail}>
                    <Breakable text={entry.detail} />
                  </span>
                ) : null}
              </td>
              <td className="max-w-[9rem] px-3 py-2.5 font-mono text-xs text-slate-600">
                {entry.traceId ? (
                  <span className="block truncate" title={entry.traceId}>
                    {entry.traceId}
                  </span>
                ) : (
                  none
                )}
              </td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
