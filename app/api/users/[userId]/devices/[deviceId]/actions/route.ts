import { z } from "zod";
import { canManageUsersAndDevices } from "@/lib/auth/roles";
import { getEnvironment } from "@/lib/environments";
import { ApiError, notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";
import { orGone } from "@/lib/http/upstream-not-found";
import { actOnDevice, deviceAction, DESTRUCTIVE } from "@/lib/end-users/actions";

export const dynamic = "force-dynamic";

/** Rename, lock, unlock, deactivate or delete a user's device, with a reason for the audit trail. */
export const POST = route(
  {
    permission: canManageUsersAndDevices,
    action: "device.action",
    params: z.object({ userId: z.string().min(1).max(100), deviceId: z.string().min(1).max(100) }),
    query: z.object({ environmentId: z.string().min(1) }),
    body: deviceAction,
  },
  async ({ params, query, body, audit }) => {
    audit({
      target: `device ${params.deviceId} of user ${params.userId}`,
      environmentId: query.environmentId,
      reason: body.reason,
      detail: body.action === "rename" ? `rename to “${body.deviceName}”` : body.action,
    });
    const env = await getEnvironment(query.environmentId);
    if (!env) throw notFound("The environment");
    if (DESTRUCTIVE.has(body.action) && (body as { confirm?: string }).confirm !== params.deviceId) {
      throw new ApiError(400, "not_confirmed", "Confirm by naming the device.", { confirm: "Does not name this device." });
    }
    const traceId = await orGone("This device", () => actOnDevice(env, params.userId, params.deviceId, body));
    audit({ traceId });
    return data({ done: body.action, traceId });
  },
);
