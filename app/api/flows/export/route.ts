import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { flowCsvStream, flowJsonStream } from "@/lib/flows/export";
import { flowFilters } from "@/lib/flows/filters";
import { historyFilter } from "@/lib/flows/history";
import { countFlowsByStatus, totalOf } from "@/lib/data/queries/history";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Every flow the filters select, streamed in batches (lib/flows/export.ts): no cap, flat memory. */
export const GET = route({ permission: canRead, query: flowFilters.extend({ format: z.enum(["csv", "json"]).default("csv") }) }, async ({ query }) => {
  const filter = await historyFilter(query);
  const total = totalOf(await countFlowsByStatus(filter));
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const headers = (type: string, ext: string) => ({
    "content-type": type,
    "content-disposition": `attachment; filename="flows-${stamp}.${ext}"`,
    "x-total-count": String(total),
  });
  if (query.format === "json") return new Response(flowJsonStream(filter, total), { headers: headers("application/json", "json") });
  return new Response(flowCsvStream(filter), { headers: headers("text/csv; charset=utf-8", "csv") });
});
