// The History as its pages, its API and its exports read it: the filters with the free text
// resolved through the search index when it can be (lib/data/queries/flows.ts, searchFlowIds),
// and interrupted starts settled first so none shows as Pending forever.
import { FLOW_PAGE_SIZE, listFlowsOfUser as listUserFlows, searchFlowIds } from "@/lib/data/queries/flows";
import { countFlowsByStatus, listHistoryPage, totalOf, type HistoryFilter } from "@/lib/data/queries/history";
import { flowFilter, type FlowFilters } from "./filters";
import { settleInterruptedStarts } from "./interrupted-start";

/** More matches than this and the plain filter is as cheap as a list of ids. */
const SEARCH_ID_LIMIT = 2_000;

/**
 * The filters with their free text through the index: the flows whose externalRef, userId or
 * transactionId contain the text, in any case. A fragment of one or two characters, or one
 * that more than SEARCH_ID_LIMIT flows match, stays a plain `contains` filter (a bounded scan:
 * the list stops at its page along the createdAt index), with the same answer.
 */
export async function historyFilter(f: FlowFilters): Promise<HistoryFilter> {
  const filter = flowFilter(f);
  if (!f.q) return filter;
  const ids = await searchFlowIds(f.q, SEARCH_ID_LIMIT);
  return ids ? { ...filter, text: { ids } } : filter;
}

/**
 * One page of the History with the counts per status under the same filters but the status
 * (the page's status tabs). The page's total is one of those counts, or their sum, so the
 * database counts once.
 */
export async function historyPage(f: FlowFilters, pageSize = FLOW_PAGE_SIZE) {
  await settleInterruptedStarts();
  const filter = await historyFilter(f);
  const { status, ...anyStatus } = filter;
  const [items, counts] = await Promise.all([listHistoryPage(filter, f.page, pageSize), countFlowsByStatus(anyStatus)]);
  const total = status ? (counts[status] ?? 0) : totalOf(counts);
  return { items, total, page: f.page, pageSize, counts };
}

/** The console's flows for one end-user in one environment, newest first. */
export async function listFlowsOfUser(environmentId: string, userId: string) {
  await settleInterruptedStarts();
  return listUserFlows(environmentId, userId);
}
