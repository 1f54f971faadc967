import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { clientFor } from "@/lib/environments";
import { ApiError, notFound } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** An image of the flow's proofing (document front/back, selfie), fetched from the Assure API. */
export const GET = route(
  { permission: canRead, params: z.object({ id: z.string(), depiction: z.enum(["front", "back", "selfie"]) }) },
  async ({ params }) => {
    const flow = await db.flow.findUnique({ where: { id: params.id }, include: { environment: true } });
    if (!flow) throw notFound("The flow");
    if (!flow.dossierId || !flow.processId) throw new ApiError(409, "no_proofing", "This flow has no proofing process.");
    const image = await clientFor(flow.environment, { flowId: flow.id }).getProcessImage(flow.dossierId, flow.processId, params.depiction);
    // An SVG from an upstream must not run scripts in the console's origin.
    return new Response(image.bytes as BodyInit, {
      headers: { "content-type": image.contentType, "cache-control": "private, max-age=300", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox" },
    });
  },
);
