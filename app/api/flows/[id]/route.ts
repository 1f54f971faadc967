import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { cursorOf } from "@/lib/flows/flow-update";
import { getFlowDetail, getFlowUpdate } from "@/lib/data/queries/flows";
import { flowForViewer, updateForViewer } from "@/lib/flows/redaction";
import { checkFlowIfDue } from "@/lib/flows/watcher";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const query = z.object({ since: z.iso.datetime({ message: "since must be an ISO date-time, as a previous answer's cursor." }).optional() });

/**
 * The flow as it is now, or with `since` (a previous answer's cursor) only what changed since
 * then: the flow page's fallback when its live stream is blocked. A due check of the watcher
 * runs first, so polling alone still follows the flow; it never asks the API more often.
 * Viewers and support get it without activation codes (lib/flows/redaction.ts).
 */
export const GET = route({ permission: canRead, params: z.object({ id: z.string() }), query }, async ({ params, query, staff }) => {
  await checkFlowIfDue(params.id);
  if (query.since) {
    const update = await getFlowUpdate(params.id, new Date(query.since));
    if (!update) throw notFound("The flow");
    return data(updateForViewer(update, staff));
  }
  const flow = await getFlowDetail(params.id);
  if (!flow) throw notFound("The flow");
  return data({ ...flowForViewer(flow, staff), cursor: cursorOf(flow, flow.events, flow.exchanges) });
});
