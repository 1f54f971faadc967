import { ButtonLink } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/card";
import { EmptyState, ErrorNotice } from "@/components/ui/states";
import { fieldErrors } from "@/lib/http/api-error";
import { auditActionOptions } from "@/lib/audit/actions";
import { AUDIT_EXPORT_MAX_ROWS, auditFilterParams, auditListQuery, listAuditActions, listAuditEntries } from "@/lib/audit/search";
import { canReadAudit, ROLE_LABELS } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { listEnvironmentsWithDeleted } from "@/lib/environments";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";

export const metadata = { title: "Audit" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaff();
  if (!staff || !canReadAudit(staff)) {
    return (
      <>
        <PageHeader title="Audit" />
        <ErrorNotice title="Not allowed">Your role ({staff ? ROLE_LABELS[staff.role] : "none"}) may not read the audit trail. Admins and support can.</ErrorNotice>
      </>
    );
  }
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditListQuery.safeParse(raw);
  const [inTrail, environments] = await Promise.all([listAuditActions(), listEnvironmentsWithDeleted()]);
  const actions = auditActionOptions(inTrail);
  const environmentOptions = environments.map((e) => ({ id: e.id, name: e.deletedAt ? `${e.name} (deleted)` : e.name }));
  const header = (
    <PageHeader
      title="Audit"
      description="Every action in the console and every change of environments and staff: who, with which role, what, on what, where, why, the outcome and the upstream trace id. Entries cannot be changed or deleted."
    />
  );
  if (!parsed.success) {
    return (
      <>
        {header}
        <div className="space-y-6">
          <AuditFilters filter={raw} actions={actions} environments={environmentOptions} errors={fieldErrors(parsed.error)} />
          <ErrorNotice title="These filters are not valid">Correct the marked fields, or clear the filters.</ErrorNotice>
        </div>
      </>
    );
  }
  const { page, ...filter } = parsed.data;
  const result = await listAuditEntries(filter, page);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const filtered = auditFilterParams(filter).size > 0;
  const pageHref = (n: number) => `/audit?${auditFilterParams(filter, n > 1 ? { page: String(n) } : {})}`;
  const exportHref = (format: "csv" | "json") => `/api/audit/export?${auditFilterParams(filter, { format })}`;
  return (
    <>
      {header}
      <div className="space-y-6">
        <AuditFilters filter={filter} actions={actions} environments={environmentOptions} errors={{}} />
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
          <p>
            {result.total} entr{result.total === 1 ? "y" : "ies"}
            {filtered ? " match these filters" : ""}, newest first · times in your time zone (hover for the exact moment)
          </p>
          <div className="flex items-center gap-2">
            <span className="text-xs text-slate-500" title={`An export holds the newest ${AUDIT_EXPORT_MAX_ROWS.toLocaleString("en")} matching entries; narrow the filters for older ones.`}>
              Export this view (up to {AUDIT_EXPORT_MAX_ROWS.toLocaleString("en")})
            </span>
            <a href={exportHref("csv")} download className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              Export CSV
            </a>
            <a href={exportHref("json")} download className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              Export JSON
            </a>
          </div>
        </div>
        {result.items.length === 0 ? (
          <EmptyState
            title={page > 1 ? "No entries on this page" : filtered ? "No entries match these filters" : "The audit trail is empty"}
            action={
              filtered || page > 1 ? (
                <ButtonLink variant="secondary" href="/audit">
                  Clear filters
                </ButtonLink>
              ) : null
            }
          >
            {filtered ? "Widen the dates or remove a filter." : "Actions in the console leave an entry here."}
          </EmptyState>
        ) : (
          <AuditTable items={result.items}>
            <Pager
              summary={`Page ${page} of ${pages}`}
              previous={page > 1 ? { href: pageHref(page - 1), label: "Newer" } : null}
              next={page < pages ? { href: pageHref(page + 1), label: "Older" } : null}
            />
          </AuditTable>
        )}
      </div>
    </>
  );
}
