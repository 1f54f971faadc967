import { canRead } from "@/lib/auth/roles";
import { countFlowsByStatus } from "@/lib/data/queries/flows";
import { flowFilters } from "@/lib/flows/filters";
import { historyWhere, listHistory } from "@/lib/flows/history";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The history, filtered as the URL says, with the counts per status of the same filter. */
export const GET = route({ permission: canRead, query: flowFilters }, async ({ query }) => {
  const [where, whereAnyStatus] = await Promise.all([historyWhere(query), historyWhere(query, { ignoreStatus: true })]);
  const [list, counts] = await Promise.all([listHistory({ page: query.page, where }), countFlowsByStatus(whereAnyStatus)]);
  return data({ ...list, counts });
});
