import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { clientFor, getEnvironment } from "@/lib/environments";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";
import { orGone } from "@/lib/http/upstream-not-found";

export const dynamic = "force-dynamic";

/** The full data set of an identity-proofing process, from the Assure API. */
export const GET = route(
  { permission: canRead, params: z.object({ dossierId: z.string().min(1).max(100), processId: z.string().min(1).max(100) }), query: z.object({ environmentId: z.string().min(1) }) },
  async ({ params, query }) => {
    const env = await getEnvironment(query.environmentId);
    if (!env) throw notFound("The environment");
    const result = await orGone("This proofing", () => clientFor(env).getProcess(params.dossierId, params.processId));
    return data({ process: result.data, traceId: result.traceId });
  },
);
