import Link from "next/link";
import { EnvironmentBadge } from "@/components/environment-badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { inputClass } from "@/components/ui/field";
import { EmptyState, Notice } from "@/components/ui/states";
import { listEnvironmentsWithDeleted } from "@/lib/environments";
import type { EnvironmentKind } from "@/lib/environments/schema";
import { filterQuery, FLOW_TYPES, parseFlowFilters } from "@/lib/flows/filters";
import { listFlowStarters } from "@/lib/data/queries/history";
import { historyPage } from "@/lib/flows/history";
import { FLOW_STATUSES } from "@/lib/flows/steps";
import { requireStaff } from "@/lib/auth/session";
import { flowTypeLabel, statusLabel } from "@/lib/ui/labels";

export const metadata = { title: "History" };

export default async function FlowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const filters = parseFlowFilters(await searchParams);
  const [{ items, total, pageSize, counts }, environments, starters] = await Promise.all([historyPage(filters), listEnvironmentsWithDeleted(), listFlowStarters()]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const query = filterQuery(filters);
  const filtered = query.length > 0;
  const link = (change: Record<string, string | number | undefined>) => {
    const q = filterQuery({ ...filters, page: undefined, ...change }, true);
    return q ? `/flows?${q}` : "/flows";
  };
  const select = (name: string, label: string, value: string | undefined, options: [string, string][]) => (
    <label className="space-y-1 text-xs font-medium text-slate-600">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <PageHeader
        title="History"
        description="Every flow started from this console, newest first. Filters live in the address bar: copy it to share this view."
        actions={
          <>
            <ButtonLink variant="secondary" href={`/api/flows/export?format=csv${query ? `&${query}` : ""}`} prefetch={false}>
              Export CSV
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/api/flows/export?format=json${query ? `&${query}` : ""}`} prefetch={false}>
              Export JSON
            </ButtonLink>
            <ButtonLink href="/onboarding">Start onboarding</ButtonLink>
          </>
        }
      />

      <form method="get" action="/flows" aria-label="Filters" className="mb-4 grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-7">
        <label className="space-y-1 text-xs font-medium text-slate-600 lg:col-span-2">
          <span>Search externalRef, userId or transactionId</span>
          <input name="q" type="search" defaultValue={filters.q ?? ""} placeholder="e.g. customer-1234" className={inputClass} />
        </label>
        {select(
          "type",
          "Flow type",
          filters.type,
          FLOW_TYPES.map((t) => [t, flowTypeLabel(t)]),
        )}
        {select(
          "environment",
          "Environment",
          filters.environment,
          environments.map((e) => [e.id, e.deletedAt ? `${e.name} (deleted)` : e.name]),
        )}
        {select(
          "by",
          "Started by",
          filters.by,
          starters.map((s) => [s.id, s.name]),
        )}
        <label className="space-y-1 text-xs font-medium text-slate-600">
          <span>From</span>
          <input name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
        </label>
        <label className="space-y-1 text-xs font-medium text-slate-600">
          <span>To</span>
          <input name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
        </label>
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        <div className="flex items-end gap-2 lg:col-span-7">
          <Button type="submit">Apply filters</Button>
          {filtered ? (
            <Link href="/flows" className="rounded-md px-3 py-2 text-sm text-slate-600 hover:bg-slate-100">
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {filters.from && filters.to && filters.from > filters.to ? (
        <div className="mb-4">
          <Notice tone="warning">
            “From” ({filters.from}) is after “To” ({filters.to}): no flow can match. Swap the dates.
          </Notice>
        </div>
      ) : null}

      <nav aria-label="Status" className="mb-4 flex flex-wrap gap-2">
        <Link
          href={link({ status: undefined })}
          aria-current={!filters.status ? "true" : undefined}
          className={`rounded-full px-3 py-1 text-xs font-medium ring-1 ${!filters.status ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
        >
          All {Object.values(counts).reduce((a, b) => a + b, 0)}
        </Link>
        {FLOW_STATUSES.filter((s) => counts[s]).map((s) => (
          <Link
            key={s}
            href={link({ status: s })}
            aria-current={filters.status === s ? "true" : undefined}
            className={`rounded-full px-3 py-1 text-xs font-medium ring-1 ${filters.status === s ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {statusLabel(s)} {counts[s]}
          </Link>
        ))}
      </nav>

      {items.length === 0 ? (
        <EmptyState
          title={filtered ? "No flow matches these filters" : filters.page > 1 ? "No flows on this page" : "No flows yet"}
          action={
            filtered ? (
              <ButtonLink variant="secondary" href="/flows">
                Clear the filters
              </ButtonLink>
            ) : (
              <ButtonLink href="/onboarding">Start the first onboarding</ButtonLink>
            )
          }
        >
          {filtered ? "Try a wider date range or another status." : "Flows you start appear here with their status, their steps and every API call."}
        </EmptyState>
      ) : (
        <Table
          label="Flows"
          footer={
            <Pager
              summary={`${total} flow${total === 1 ? "" : "s"} · page ${filters.page} of ${pages}`}
              previous={filters.page > 1 ? { href: link({ status: filters.status, page: filters.page - 1 }), label: "Previous" } : null}
              next={filters.page < pages ? { href: link({ status: filters.status, page: filters.page + 1 }), label: "Next" } : null}
            />
          }
        >
          <THead>
            <Th>Started</Th>
            <Th>Type</Th>
            <Th>Status</Th>
            <Th>Person</Th>
            <Th>Environment</Th>
            <Th>By</Th>
          </THead>
          <TBody>
            {items.map((f) => (
              <tr key={f.id} className="hover:bg-slate-50">
                <Td className="whitespace-nowrap">
                  <Link href={`/flows/${f.id}`} className="font-medium text-indigo-700 hover:underline">
                    <DateTime value={f.createdAt} />
                  </Link>
                </Td>
                <Td>{flowTypeLabel(f.type)}</Td>
                <Td>
                  <StatusBadge status={f.status} />
                </Td>
                <Td className="max-w-xs text-slate-700" data-testid="flow-person" data-pii="">
                  <FlowPerson flow={f} />
                </Td>
                <Td>
                  <EnvironmentBadge kind={f.environment.kind as EnvironmentKind} name={f.environment.name} deleted={f.environment.deleted} />
                </Td>
                <Td className="text-slate-600">{f.startedBy.name}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

/** Who the flow was about: the person's name when known, else the externalRef, else the userId. */
function FlowPerson({ flow }: { flow: { personName: string | null; personRef: string | null; userId: string | null } }) {
  const secondary = flow.personRef ?? flow.userId;
  if (!flow.personName && !secondary) return <span className="text-slate-400">—</span>;
  return (
    <span className="block min-w-0">
      {flow.personName ? <span className="block truncate font-medium text-slate-900">{flow.personName}</span> : null}
      {secondary ? (
        <span className="block truncate font-mono text-xs text-slate-500" title={secondary}>
          {secondary}
        </span>
      ) : null}
    </span>
  );
}
