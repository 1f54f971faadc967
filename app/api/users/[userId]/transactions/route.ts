import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { listUserTransactions } from "@/lib/end-users/directory";
import { getEnvironment } from "@/lib/environments";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";
import { orGone } from "@/lib/http/upstream-not-found";
import { valueForViewer } from "@/lib/flows/redaction";

export const dynamic = "force-dynamic";

/** The API's transactions of a user (registrations and authentications), a page at a time. */
export const GET = route(
  { permission: canRead, params: z.object({ userId: z.string().min(1).max(100) }), query: z.object({ environmentId: z.string().min(1), cursor: z.string().max(500).optional() }) },
  async ({ params, query, staff }) => {
    const env = await getEnvironment(query.environmentId);
    if (!env) throw notFound("The environment");
    // A pending registration's activation code is support's to know exists, not to use.
    return data(valueForViewer(await orGone("This user", () => listUserTransactions(env, params.userId, query.cursor)), staff));
  },
);
