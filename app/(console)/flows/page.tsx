import Link from "next/link";
import { EnvironmentBadge } from "@/components/environment-badge";
import { StatusBadge } from "@/components/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import type { EnvironmentKind } from "@/lib/environments/schema";
import { listFlows } from "@/lib/flows/queries";

export const metadata = { title: "History" };

export default async function FlowsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const { items, total, pageSize } = await listFlows({ page });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <PageHeader title="History" description="Every flow started from this console, newest first, with who started it and where." actions={<ButtonLink href="/onboarding">Start onboarding</ButtonLink>} />
      {items.length === 0 ? (
        <EmptyState title={page > 1 ? "No flows on this page" : "No flows yet"} action={<ButtonLink href="/onboarding">Start the first onboarding</ButtonLink>}>
          Flows you start appear here with their status, their steps and every API call.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">Started</th>
                <th className="px-4 py-3">Type</th>
                <th className="px-4 py-3">Status</th>
                <th className="px-4 py-3">External ref / user</th>
                <th className="px-4 py-3">Environment</th>
                <th className="px-4 py-3">By</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((f) => (
                <tr key={f.id} className="hover:bg-slate-50">
                  <td className="whitespace-nowrap px-4 py-3">
                    <Link href={`/flows/${f.id}`} className="font-medium text-indigo-700 hover:underline">
                      {new Date(f.createdAt).toLocaleString()}
                    </Link>
                  </td>
                  <td className="px-4 py-3 capitalize">{f.type}</td>
                  <td className="px-4 py-3">
                    <StatusBadge status={f.status} />
                  </td>
                  <td className="max-w-xs truncate px-4 py-3 font-mono text-xs text-slate-600">{f.externalRef ?? f.userId ?? "—"}</td>
                  <td className="px-4 py-3">
                    <EnvironmentBadge kind={f.environment.kind as EnvironmentKind} name={f.environment.name} />
                  </td>
                  <td className="px-4 py-3 text-slate-600">{f.startedBy.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm text-slate-600">
            <span>
              {total} flow{total === 1 ? "" : "s"} · page {page} of {pages}
            </span>
            <div className="flex gap-2">
              {page > 1 ? <ButtonLink variant="secondary" href={`/flows?page=${page - 1}`}>Previous</ButtonLink> : null}
              {page < pages ? <ButtonLink variant="secondary" href={`/flows?page=${page + 1}`}>Next</ButtonLink> : null}
            </div>
          </div>
        </div>
      )}
    </>
  );
}
