/**
 * MobileID device writes (contract section 4): rename, lock/unlock/deactivate, delete, by the
 * API or by the device itself (app side). Decided: DEACTIVATED is final (422 to change it);
 * lockReason is kept only while LOCKED; a device that stops being ACTIVE, or is deleted, has its
 * pending authentications CANCELED (their step-ups fail with `authentication_canceled`).
 * `generateEvent` emits `device.state.change` when the state changed, with eventData
 * `{userId, ...GET device?detailed=true}`.
 */
import { z } from "zod";
import type { EmuDevice } from "@/lib/generated/prisma/client";
import { cancelDeviceAuthentications } from "./authentications";
import { emitEvent } from "./events";
import { fail } from "./http";
import { deviceView } from "./mobileid";
import { deviceName } from "./mobileid-validation";
import { inTransaction } from "./store/db-client";
import { deleteEmuDevice, updateEmuDevice } from "./store/devices";

export const devicePatch = z.object(
  {
    deviceName: deviceName.optional(),
    state: z.enum(["ACTIVE", "LOCKED", "DEACTIVATED"], "must be ACTIVE, LOCKED or DEACTIVATED").optional(),
    lockReason: z.string("must be a string").max(255, "must be at most 255 characters").optional(),
  },
  "must be a JSON object",
);

export type DevicePatch = z.output<typeof devicePatch>;

export async function updateDevice(device: EmuDevice, patch: DevicePatch, generateEvent = false): Promise<EmuDevice> {
  const state = patch.state ?? device.state;
  if (device.state === "DEACTIVATED" && state !== "DEACTIVATED") throw fail.unprocessable("A deactivated device cannot be reactivated or locked.");
  const lockReason = state === "LOCKED" ? (patch.lockReason ?? (device.state === "LOCKED" ? device.lockReason : null)) : null;
  const now = new Date();
  return inTransaction(async (tx) => {
    const updated = await updateEmuDevice(tx, device.id, { deviceName: patch.deviceName, state, lockReason });
    if (state !== "ACTIVE") await cancelDeviceAuthentications(tx, device.id, `the device is ${state.toLowerCase()}`, now);
    if (generateEvent && state !== device.state) {
      await emitEvent(tx, { accountId: device.accountId, eventName: "device.state.change", eventData: { userId: device.userId, ...deviceView(updated, true) } });
    }
    return updated;
  });
}

export async function deleteDevice(device: EmuDevice): Promise<void> {
  await inTransaction(async (tx) => {
    await cancelDeviceAuthentications(tx, device.id, "the device was deleted", new Date());
    await deleteEmuDevice(tx, device.id);
  });
}
