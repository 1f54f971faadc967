import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { getUserOverview } from "@/lib/end-users/directory";
import { getEnvironment } from "@/lib/environments";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";
import { orGone } from "@/lib/http/upstream-not-found";
import { valueForViewer } from "@/lib/flows/redaction";

export const dynamic = "force-dynamic";

/** A user as the API sees them now: state, attributes, devices, proofings and recent transactions. */
export const GET = route({ permission: canRead, params: z.object({ userId: z.string().min(1).max(100) }), query: z.object({ environmentId: z.string().min(1) }) }, async ({ params, query, staff }) => {
  const env = await getEnvironment(query.environmentId);
  if (!env) throw notFound("The environment");
  return data(valueForViewer(await orGone("This user", () => getUserOverview(env, params.userId)), staff));
});
