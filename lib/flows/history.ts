// The History as its pages, its API and its exports read it: the filters' where-clause with the
// free text resolved through the search index when it can be (lib/data/queries/flows.ts,
// searchFlowIds), and interrupted starts settled first so none shows as Pending forever.
import { flowTextContains, listFlows, listFlowsOfUser as listUserFlows, searchFlowIds } from "@/lib/data/queries/flows";
import type { Prisma } from "@/lib/generated/prisma/client";
import { flowWhere, type FlowFilters } from "./filters";
import { settleInterruptedStarts } from "./interrupted-start";

/** More matches than this and the plain filter is as cheap as a list of ids. */
const SEARCH_ID_LIMIT = 2_000;

/**
 * flowWhere with its free text through the index: the flows whose externalRef, userId or
 * transactionId contain the text, in any case. A fragment of one or two characters, or one
 * that more than SEARCH_ID_LIMIT flows match, uses the plain `contains` filter instead (a
 * bounded scan: the list stops at its page along the createdAt index), with the same answer.
 */
export async function historyWhere(f: FlowFilters, opts: { ignoreStatus?: boolean } = {}): Promise<Prisma.FlowWhereInput> {
  if (!f.q) return flowWhere(f, opts);
  const rest = flowWhere({ ...f, q: undefined }, opts);
  const ids = await searchFlowIds(f.q, SEARCH_ID_LIMIT);
  const text: Prisma.FlowWhereInput = ids ? { id: { in: ids } } : flowTextContains(f.q);
  return { AND: [...((rest.AND as Prisma.FlowWhereInput[] | undefined) ?? []), text] };
}

export async function listHistory(opts: { page: number; where?: Prisma.FlowWhereInput; pageSize?: number }) {
  await settleInterruptedStarts();
  return listFlows(opts);
}

/** The console's flows for one end-user in one environment, newest first. */
export async function listFlowsOfUser(environmentId: string, userId: string) {
  await settleInterruptedStarts();
  return listUserFlows(environmentId, userId);
}
