import { canRead } from "@/lib/auth/roles";
import { flowFilters, flowWhere } from "@/lib/flows/filters";
import { countFlowsByStatus, listFlows } from "@/lib/flows/queries";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The history, filtered as the URL says, with the counts per status of the same filter. */
export const GET = route({ permission: canRead, query: flowFilters }, async ({ query }) => {
  const [list, counts] = await Promise.all([listFlows({ page: query.page, where: flowWhere(query) }), countFlowsByStatus(flowWhere(query, { ignoreStatus: true }))]);
  return data({ ...list, counts });
});
