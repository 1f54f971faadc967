// MobileID devices (EmuDevice).
import { db } from "@/lib/data/db";
import type { EmuDevice } from "@/lib/generated/prisma/client";
import type { DbClient } from "./db-client";

export type NewEmuDevice = Pick<EmuDevice, "id" | "accountId" | "userId" | "deviceName" | "platform" | "appVersion" | "deviceHash" | "simulatorKeyEnc" | "lastUsedAt"> & {
  publicKey: { kty: string; crv: string; x: string; y: string };
};

export const getEmuDevice = (id: string, client: DbClient = db): Promise<EmuDevice | null> => client.emuDevice.findUnique({ where: { id } });

/** A user's devices, oldest first. */
export const listDevicesOfUser = (accountId: string, userId: string, client: DbClient = db): Promise<EmuDevice[]> =>
  client.emuDevice.findMany({ where: { accountId, userId }, orderBy: { createdAt: "asc" } });

export const createEmuDevice = (tx: DbClient, data: NewEmuDevice): Promise<EmuDevice> => tx.emuDevice.create({ data });

/** `undefined` leaves a field as it is. */
export const updateEmuDevice = (tx: DbClient, id: string, data: { deviceName?: string; state?: string; lockReason?: string | null }): Promise<EmuDevice> =>
  tx.emuDevice.update({ where: { id }, data });

export async function touchDevice(id: string, at: Date, client: DbClient = db): Promise<void> {
  await client.emuDevice.update({ where: { id }, data: { lastUsedAt: at } });
}

export async function deleteEmuDevice(tx: DbClient, id: string): Promise<void> {
  await tx.emuDevice.delete({ where: { id } });
}
