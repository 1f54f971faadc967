// MobileID devices (EmuDevice).
import { db } from "@/lib/data/db";
import type { EmuDevice } from "@/lib/generated/prisma/client";
import { q, read, type Row, type Work } from "@/lib/data/sql";
import type { DbClient } from "./db-client";
import { deviceOf } from "./rows";

export type NewEmuDevice = Pick<EmuDevice, "id" | "accountId" | "userId" | "deviceName" | "platform" | "appVersion" | "deviceHash" | "simulatorKeyEnc" | "lastUsedAt"> & {
  publicKey: { kty: string; crv: string; x: string; y: string };
};

// Outside a transaction the reads go through the driver (lib/data/sql.ts), prepared once: every
// device signature, authentication and device listing reads them, a watched flow's check too.

export async function getEmuDevice(id: string, client?: DbClient): Promise<EmuDevice | null> {
  if (client) return client.emuDevice.findUnique({ where: { id } });
  const [row] = await read(function* (): Work<Row[]> {
    return yield q(`SELECT * FROM "EmuDevice" WHERE "id" = $1`, id);
  });
  return row ? deviceOf(row) : null;
}

/** A user's devices, oldest first. */
export async function listDevicesOfUser(accountId: string, userId: string, client?: DbClient): Promise<EmuDevice[]> {
  if (client) return client.emuDevice.findMany({ where: { accountId, userId }, orderBy: { createdAt: "asc" } });
  const rows = await read(function* (): Work<Row[]> {
    return yield q(`SELECT * FROM "EmuDevice" WHERE "accountId" = $1 AND "userId" = $2 ORDER BY "createdAt" ASC, "id" ASC`, accountId, userId);
  });
  return rows.map(deviceOf);
}

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
