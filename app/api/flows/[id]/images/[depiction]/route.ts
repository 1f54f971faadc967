import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { getFlowWithEnvironment } from "@/lib/data/queries/flows";
import { clientFor } from "@/lib/environments";
import { ApiError, notFound } from "@/lib/http/api-error";
import { imageResponse } from "@/lib/http/image-response";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** An image of the flow's proofing (document front/back, selfie), fetched from the Assure API. */
export const GET = route({ permission: canRead, params: z.object({ id: z.string(), depiction: z.enum(["front", "back", "selfie"]) }) }, async ({ params }) => {
  const flow = await getFlowWithEnvironment(params.id);
  if (!flow) throw notFound("The flow");
  if (!flow.dossierId || !flow.processId) throw new ApiError(409, "no_proofing", "This flow has no proofing process.");
  const image = await clientFor(flow.environment, { flowId: flow.id }).getProcessImage(flow.dossierId, flow.processId, params.depiction);
  return imageResponse(image);
});
