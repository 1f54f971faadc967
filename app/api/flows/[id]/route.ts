import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { refreshFlow } from "@/lib/flows/follow";
import { getFlowDetail } from "@/lib/flows/queries";
import { flowForViewer } from "@/lib/flows/redaction";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The flow as it is now: while it is pending, the API is asked first (at most once a second). */
export const GET = route({ permission: canRead, params: z.object({ id: z.string() }) }, async ({ params, staff }) => {
  const { upstreamError } = await refreshFlow(params.id);
  const flow = await getFlowDetail(params.id);
  if (!flow) throw notFound("The flow");
  return data({ ...flowForViewer(flow, staff), upstreamError });
});
