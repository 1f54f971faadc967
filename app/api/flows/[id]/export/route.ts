import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { flowScript } from "@/lib/flows/curl";
import { getFlowDetail } from "@/lib/flows/queries";
import { flowForViewer } from "@/lib/flows/redaction";
import { notFound } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** One flow as a runnable shell script (credentials as variables) or as JSON. */
export const GET = route(
  { permission: canRead, params: z.object({ id: z.string() }), query: z.object({ format: z.enum(["sh", "json"]).default("json") }) },
  async ({ params, query, request, staff }) => {
    const stored = await getFlowDetail(params.id);
    if (!stored) throw notFound("The flow");
    const flow = flowForViewer(stored, staff);
    const name = `flow-${flow.type}-${flow.id.slice(0, 8)}`;
    if (query.format === "json") {
      return new Response(JSON.stringify(flow, null, 2), { headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${name}.json"` } });
    }
    const baseUrl = flow.environment.kind === "embedded" ? `${new URL(request.url).origin}/emulator` : flow.environment.baseUrl;
    const script = flowScript({ id: flow.id, type: flow.type, environmentName: flow.environment.name, baseUrl }, flow.exchanges);
    return new Response(script, { headers: { "content-type": "text/x-shellscript; charset=utf-8", "content-disposition": `attachment; filename="${name}.sh"` } });
  },
);
