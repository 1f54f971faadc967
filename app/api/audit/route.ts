import { canReadAudit } from "@/lib/auth/roles";
import { auditListQuery, listAuditEntries } from "@/lib/audit/search";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** One page (50) of the audit trail, newest first, with the audit page's filters. */
export const GET = route({ permission: canReadAudit, query: auditListQuery }, async ({ query: { page, ...filter } }) => data(await listAuditEntries(filter, page)));
