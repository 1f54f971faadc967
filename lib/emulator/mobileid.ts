/**
 * MobileID core reads the console needs (contract section 4): users, their devices and their
 * identity proofings. Every lookup is scoped to the caller's account: another account's ids are
 * simply not found.
 */
import type { EmuDevice, EmuUser } from "@/lib/generated/prisma/client";
import { EmulatorError, fail } from "./http";
import { getEmuDevice, listDevicesOfUser } from "./store/devices";
import { listProofingsOfUser } from "./store/proofing-records";
import { findUserWithExternalRef, getEmuUser } from "./store/users";

export function userView(user: EmuUser) {
  return {
    userId: user.id,
    externalRef: user.externalRef,
    segment: user.segment,
    state: user.state,
    attributes: user.attributes as Record<string, unknown>,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function deviceView(device: EmuDevice, detailed = false) {
  const view: Record<string, unknown> = {
    deviceId: device.id,
    deviceName: device.deviceName,
    state: device.state,
    platform: device.platform,
    appVersion: device.appVersion,
    deviceHash: device.deviceHash,
    createdAt: device.createdAt.toISOString(),
    lastUsedAt: device.lastUsedAt?.toISOString() ?? null,
  };
  if (detailed) view.deviceDetails = { lockReason: device.lockReason };
  return view;
}

export async function findUser(accountId: string, userId: string): Promise<EmuUser> {
  const user = await getEmuUser(userId);
  if (!user || user.accountId !== accountId) throw fail.userNotFound(userId, accountId);
  return user;
}

/** Resolve external reference: the (oldest) user of the account with that externalRef. */
export async function findUserByExternalRef(accountId: string, externalRef: string): Promise<EmuUser> {
  const user = await findUserWithExternalRef(accountId, externalRef);
  if (!user) throw new EmulatorError(404, "user_entity_does_not_exist", `No user with external reference ${externalRef} exists for account ${accountId}.`);
  return user;
}

export async function listUserDevices(accountId: string, userId: string): Promise<EmuDevice[]> {
  await findUser(accountId, userId);
  return listDevicesOfUser(accountId, userId);
}

export async function findUserDevice(accountId: string, userId: string, deviceId: string): Promise<EmuDevice> {
  await findUser(accountId, userId);
  const device = await getEmuDevice(deviceId);
  if (!device || device.accountId !== accountId || device.userId !== userId) throw fail.notFound(`No device with ID ${deviceId} exists for user ${userId}.`);
  return device;
}

export async function listUserProofings(accountId: string, userId: string) {
  await findUser(accountId, userId);
  const proofings = await listProofingsOfUser(accountId, userId);
  return proofings.map((p) => ({
    proofingId: p.id,
    dossierId: p.dossierId,
    processId: p.processId,
    provider: p.provider,
    status: p.status,
    createdAt: p.createdAt.toISOString(),
  }));
}
