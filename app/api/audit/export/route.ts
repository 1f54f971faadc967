import { canReadAudit } from "@/lib/auth/roles";
import { AUDIT_EXPORT_MAX_ROWS, auditCsv, auditExportQuery, auditFilterParams, exportAuditEntries } from "@/lib/audit/search";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * The filtered audit trail as a CSV or JSON download, newest first, at most
 * AUDIT_EXPORT_MAX_ROWS entries (the header x-audit-truncated says when there were more).
 * An export is itself recorded: who took a copy of the trail, and of which view.
 */
export const GET = route({ permission: canReadAudit, action: "audit.export", query: auditExportQuery }, async ({ query: { format, ...filter }, audit }) => {
  const { items, truncated } = await exportAuditEntries(filter);
  const view = auditFilterParams(filter).toString();
  audit({ target: view || "(all entries)", detail: `${format}, ${items.length} entries${truncated ? `, cut at ${AUDIT_EXPORT_MAX_ROWS}` : ""}` });
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const headers = {
    "content-disposition": `attachment; filename="audit-${stamp}.${format}"`,
    "cache-control": "no-store",
    "x-audit-truncated": String(truncated),
  };
  if (format === "json") {
    const body = { data: items, meta: { count: items.length, truncated, maxRows: AUDIT_EXPORT_MAX_ROWS, filter } };
    return new Response(JSON.stringify(body, null, 2), { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
  }
  return new Response("\uFEFF" + auditCsv(items), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
});
