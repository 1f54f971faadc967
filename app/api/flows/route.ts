import { canRead } from "@/lib/auth/roles";
import { flowFilters } from "@/lib/flows/filters";
import { historyPage } from "@/lib/flows/history";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The history, filtered as the URL says, with the counts per status of the same filter. */
export const GET = route({ permission: canRead, query: flowFilters }, async ({ query }) => {
  return data(await historyPage(query));
});
