import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { getFlowDetail } from "@/lib/data/queries/flows";
import { flowReplayCollection, flowReplayScript } from "@/lib/flows/replay/export";
import { flowForViewer } from "@/lib/flows/redaction";
import { notFound } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const attachment = (body: string, type: string, filename: string) => new Response(body, { headers: { "content-type": type, "content-disposition": `attachment; filename="${filename}"` } });

/**
 * One flow as JSON (what was recorded), or as a shell script or Postman collection that replays
 * it: a new flow of the same kind with the same inputs, the ids passed between the requests.
 */
export const GET = route(
  { permission: canRead, params: z.object({ id: z.string() }), query: z.object({ format: z.enum(["sh", "json", "postman"]).default("json") }) },
  async ({ params, query, request, staff }) => {
    const stored = await getFlowDetail(params.id);
    if (!stored) throw notFound("The flow");
    const flow = flowForViewer(stored, staff);
    const name = `flow-${flow.type}-${flow.id.slice(0, 8)}`;
    const origin = new URL(request.url).origin;
    if (query.format === "sh") return attachment(flowReplayScript(flow, origin), "text/x-shellscript; charset=utf-8", `${name}.sh`);
    if (query.format === "postman") return attachment(JSON.stringify(flowReplayCollection(flow, origin), null, 2), "application/json", `${name}.postman_collection.json`);
    return attachment(JSON.stringify(flow, null, 2), "application/json", `${name}.json`);
  },
);
