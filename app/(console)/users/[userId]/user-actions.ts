/**
 * What support can do to a user and to one of their devices, described as the pending action the
 * dialog asks about: its title, its target, what the toast says once done, and the request it sends.
 */
import type { ApiDevice } from "@/lib/end-users/directory";
import type { PendingAction } from "./action-dialog";

export type UserActionName = "lock" | "unlock" | "delete";
export type DeviceActionName = "rename" | "lock" | "unlock" | "deactivate" | "delete";

const USER_DONE = { lock: "Locked", unlock: "Unlocked", delete: "Deleted" } as const;
const DEVICE_DONE = { rename: "Renamed", lock: "Locked", unlock: "Unlocked", deactivate: "Deactivated", delete: "Deleted" } as const;

export type ActionContext = {
  userId: string;
  fullName: string;
  /** The user's API path, e.g. `/api/users/u-1`. */
  base: string;
  post: (path: string, body: Record<string, unknown>) => Promise<unknown>;
  /** Told when the user is gone, with the name the Users page shows. */
  onUserDeleted: (label: string) => void;
};

export function userAction(ctx: ActionContext, action: UserActionName, title: string): PendingAction {
  const { userId, fullName, base, post } = ctx;
  return {
    title,
    target: `${fullName} (${userId})`,
    destructive: action === "delete",
    done: () => `${USER_DONE[action]} user ${fullName}`,
    run: async ({ reason }) => {
      await post(`${base}/actions`, { action, reason, ...(action === "delete" ? { confirm: userId } : {}) });
      if (action === "delete") ctx.onUserDeleted(`${fullName} (${userId})`);
    },
  };
}

export function deviceAction(ctx: ActionContext, d: ApiDevice, action: DeviceActionName, title: string): PendingAction {
  const { fullName, base, post } = ctx;
  return {
    title,
    target: `device “${d.deviceName ?? d.deviceId}” (${d.deviceId}) of ${fullName}`,
    destructive: action === "delete" || action === "deactivate",
    rename: action === "rename" ? (d.deviceName ?? "") : undefined,
    done: ({ deviceName }) => `${DEVICE_DONE[action]} device ${d.deviceName ?? d.deviceId} of ${fullName}${action === "rename" ? ` to ${deviceName}` : ""}`,
    run: ({ reason, deviceName }) =>
      post(`${base}/devices/${encodeURIComponent(d.deviceId)}/actions`, {
        action,
        reason,
        ...(action === "rename" ? { deviceName } : {}),
        ...(action === "delete" || action === "deactivate" ? { confirm: d.deviceId } : {}),
      }),
  };
}
