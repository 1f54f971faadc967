import type { ReactNode } from "react";
import { isRole, ROLE_LABELS } from "@/lib/auth/roles";
import type { AuditListItem } from "@/lib/audit-queries";

const utc = (iso: string) => ({ day: iso.slice(0, 10), time: iso.slice(11, 19) });

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

const none = <span className="text-slate-400">—</span>;

export function AuditTable({ items, children }: { items: AuditListItem[]; children?: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="whitespace-nowrap bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-3">Time (UTC)</th>
            <th className="px-3 py-3">Who</th>
            <th className="px-3 py-3">Action</th>
            <th className="px-3 py-3">Target</th>
            <th className="px-3 py-3">Environment</th>
            <th className="px-3 py-3">Reason</th>
            <th className="px-3 py-3">Outcome</th>
            <th className="px-3 py-3">Trace id</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {items.map((entry) => {
            const at = utc(entry.createdAt);
            return (
              <tr key={entry.id}>
                <td className="whitespace-nowrap px-3 py-2.5 text-slate-700">
                  <time dateTime={entry.createdAt}>
                    {at.day}
                    <span className="block text-xs text-slate-500">{at.time}</span>
                  </time>
                </td>
                <td className="min-w-[11rem] max-w-[15rem] px-3 py-2.5 [overflow-wrap:anywhere]">
                  <span className="block text-slate-900">
                    <Breakable text={entry.actorEmail} />
                  </span>
                  <span className="text-xs text-slate-500">{isRole(entry.actorRole) ? ROLE_LABELS[entry.actorRole] : entry.actorRole}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 font-mono text-xs text-slate-800">{entry.action}</td>
                <td className="max-w-[13rem] px-3 py-2.5 font-mono text-xs text-slate-700">
                  {entry.target ? (
                    <span className="line-clamp-2 [overflow-wrap:anywhere]" title={entry.target}>
                      {entry.target}
                    </span>
                  ) : (
                    none
                  )}
                </td>
                <td className="max-w-[10rem] px-3 py-2.5 text-slate-700">
                  {entry.environmentId ? (entry.environmentName ?? <span className="font-mono text-xs [overflow-wrap:anywhere]" title="This environment was removed">{entry.environmentId}</span>) : none}
                </td>
                <td className="min-w-[10rem] max-w-[18rem] whitespace-pre-line break-words px-3 py-2.5 text-slate-700">{entry.reason ?? none}</td>
                <td className="max-w-[13rem] px-3 py-2.5">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${entry.outcome === "ok" ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : "bg-rose-50 text-rose-700 ring-rose-200"}`}
                  >
                    {entry.outcome}
                  </span>
                  {entry.detail ? (
                    <span className="mt-1 line-clamp-2 text-xs text-slate-500 [overflow-wrap:anywhere]" title={entry.detail}>
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
        </tbody>
      </table>
      {children}
    </div>
  );
}
