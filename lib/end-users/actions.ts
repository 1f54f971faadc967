// What support staff may do to an end-user and their devices, each with a reason, as
// calls to the MobileID API. The route handler records who did it, why and the outcome.
import { forgetEndUser } from "@/lib/end-users/directory";
import { z } from "zod";
import { clientFor } from "@/lib/environments";
import type { Environment } from "@/lib/generated/prisma/client";
import { reasonInput as reason } from "@/lib/staff/input";

export const userAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("lock"), reason }),
  z.object({ action: z.literal("unlock"), reason }),
  z.object({ action: z.literal("delete"), reason, confirm: z.string() }),
]);
export type UserAction = z.infer<typeof userAction>;

export const deviceAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("rename"), reason, deviceName: z.string().trim().min(1, "Enter a name.").max(60, "Keep the name under 60 characters.") }),
  z.object({ action: z.literal("lock"), reason }),
  z.object({ action: z.literal("unlock"), reason }),
  z.object({ action: z.literal("deactivate"), reason, confirm: z.string() }),
  z.object({ action: z.literal("delete"), reason, confirm: z.string() }),
]);
export type DeviceAction = z.infer<typeof deviceAction>;

export const DESTRUCTIVE = new Set(["delete", "deactivate"]);

/** Runs a user action; returns the upstream's trace id for the audit trail. */
export async function actOnUser(env: Environment, userId: string, input: UserAction) {
  const client = clientFor(env);
  if (input.action === "delete") {
    const { traceId } = await client.deleteUser(userId);
    await forgetEndUser(env.id, userId);
    return traceId;
  }
  return (await client.setUserState(userId, input.action === "lock" ? "LOCKED" : "ACTIVE")).traceId;
}

export async function actOnDevice(env: Environment, userId: string, deviceId: string, input: DeviceAction) {
  const client = clientFor(env);
  switch (input.action) {
    case "delete":
      return (await client.deleteDevice(userId, deviceId)).traceId;
    case "rename":
      return (await client.renameDevice(userId, deviceId, input.deviceName)).traceId;
    case "lock":
      return (await client.setDeviceState(userId, deviceId, { state: "LOCKED", lockReason: input.reason })).traceId;
    case "unlock":
      return (await client.setDeviceState(userId, deviceId, { state: "ACTIVE" })).traceId;
    case "deactivate":
      return (await client.setDeviceState(userId, deviceId, { state: "DEACTIVATED" })).traceId;
  }
}
