import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { getFlowWithEnvironment } from "@/lib/data/queries/flows";
import { clientFor } from "@/lib/environments";
import { ApiError, notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The flow's identity-proofing record from the Assure API (the full data set of its process). */
export const GET = route({ permission: canRead, params: z.object({ id: z.string() }) }, async ({ params }) => {
  const flow = await getFlowWithEnvironment(params.id);
  if (!flow) throw notFound("The flow");
  if (!flow.dossierId || !flow.processId) throw new ApiError(409, "no_proofing", "This flow has no proofing process.");
  const result = await clientFor(flow.environment, { flowId: flow.id }).getProcess(flow.dossierId, flow.processId);
  return data({ process: result.data, traceId: result.traceId });
});
