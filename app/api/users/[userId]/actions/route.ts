import { z } from "zod";
import { canManageUsersAndDevices } from "@/lib/auth/roles";
import { getEnvironment } from "@/lib/environments";
import { ApiError, notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";
import { orGone } from "@/lib/http/upstream-not-found";
import { actOnUser, userAction } from "@/lib/end-users/actions";

export const dynamic = "force-dynamic";

/** Lock, unlock or delete an end-user, with a reason that goes into the audit trail. */
export const POST = route(
  { permission: canManageUsersAndDevices, action: "user.action", params: z.object({ userId: z.string().min(1).max(100) }), query: z.object({ environmentId: z.string().min(1) }), body: userAction },
  async ({ params, query, body, audit }) => {
    audit({ target: `user ${params.userId}`, environmentId: query.environmentId, reason: body.reason, detail: body.action });
    const env = await getEnvironment(query.environmentId);
    if (!env) throw notFound("The environment");
    if (body.action === "delete" && body.confirm !== params.userId) throw new ApiError(400, "not_confirmed", "Confirm by naming the user you delete.", { confirm: "Does not name this user." });
    const traceId = await orGone("This user", () => actOnUser(env, params.userId, body));
    audit({ traceId });
    return data({ done: body.action, traceId });
  },
);
