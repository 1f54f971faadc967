import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { toCsv } from "@/lib/http/csv";
import { flowFilters, flowWhere } from "@/lib/flows/filters";
import { listFlows } from "@/lib/flows/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** At most this many rows per export; the filters narrow a larger history. */
export const EXPORT_LIMIT = 10_000;

export const GET = route({ permission: canRead, query: flowFilters.extend({ format: z.enum(["csv", "json"]).default("csv") }) }, async ({ query }) => {
  const { items, total } = await listFlows({ page: 1, pageSize: EXPORT_LIMIT, where: flowWhere(query) });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const headers = (type: string, ext: string) => ({
    "content-type": type,
    "content-disposition": `attachment; filename="flows-${stamp}.${ext}"`,
    "x-total-count": String(total),
  });
  if (query.format === "json") return new Response(JSON.stringify({ total, truncated: total > items.length, items }, null, 2), { headers: headers("application/json", "json") });
  const csv = toCsv(
    ["id", "createdAt", "finishedAt", "type", "status", "externalRef", "transactionId", "userId", "environment", "environmentKind", "startedBy"],
    items.map((f) => [f.id, f.createdAt, f.finishedAt, f.type, f.status, f.externalRef, f.transactionId, f.userId, f.environment.name, f.environment.kind, f.startedBy.email]),
  );
  return new Response(csv, { headers: headers("text/csv; charset=utf-8", "csv") });
});
