import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { findUserInApi, searchEndUsers } from "@/lib/end-users/directory";
import { getEnvironment } from "@/lib/environments";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Finds end-users: `q` matched against the users the console has met (name, externalRef,
 * userId), and — when it could be an identifier — looked up in the API by userId and by
 * externalRef, so someone the console never saw is found too.
 */
export const GET = route(
  { permission: canRead, query: z.object({ environmentId: z.string().min(1), q: z.string().trim().max(200).optional(), page: z.coerce.number().int().min(1).default(1) }) },
  async ({ query }) => {
    const env = await getEnvironment(query.environmentId);
    if (!env) throw notFound("The environment");
    const exact = query.q && /^[\w.:@+-]{3,}$/.test(query.q) ? await findUserInApi(env, query.q) : null;
    const known = await searchEndUsers(env.id, query.q, query.page);
    return data({ exact, ...known });
  },
);
