import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { clientFor, getEnvironment } from "@/lib/environments";
import { notFound } from "@/lib/http/api-error";
import { imageResponse } from "@/lib/http/image-response";
import { route } from "@/lib/http/route";
import { orGone } from "@/lib/http/upstream-not-found";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    permission: canRead,
    params: z.object({ dossierId: z.string().min(1).max(100), processId: z.string().min(1).max(100), depiction: z.enum(["front", "back", "selfie"]) }),
    query: z.object({ environmentId: z.string().min(1) }),
  },
  async ({ params, query }) => {
    const env = await getEnvironment(query.environmentId);
    if (!env) throw notFound("The environment");
    return imageResponse(await orGone("This image", () => clientFor(env).getProcessImage(params.dossierId, params.processId, params.depiction)));
  },
);
