// MobileID device registrations (EmuRegistration): activation codes.
import { db } from "@/lib/data/db";
import type { EmuRegistration } from "@/lib/generated/prisma/client";
import type { DbClient } from "./db-client";

export const getRegistration = (id: string, client: DbClient = db): Promise<EmuRegistration | null> => client.emuRegistration.findUnique({ where: { id } });

export const getRegistrationOrThrow = (id: string, client: DbClient = db): Promise<EmuRegistration> => client.emuRegistration.findUniqueOrThrow({ where: { id } });

export const findRegistrationByCode = (activationCode: string): Promise<EmuRegistration | null> => db.emuRegistration.findUnique({ where: { activationCode } });

export const createEmuRegistration = (data: { id: string; accountId: string; userId: string; activationCode: string; deviceName: string | null; expiresAt: Date }): Promise<EmuRegistration> =>
  db.emuRegistration.create({ data });

/** Redeems a pending code; false when another activation took it first. */
export async function completePendingRegistration(tx: DbClient, id: string, data: { completedAt: Date; deviceId: string; deviceName: string }): Promise<boolean> {
  const claimed = await tx.emuRegistration.updateMany({ where: { id, state: "PENDING" }, data: { state: "COMPLETED", ...data } });
  return claimed.count > 0;
}

export async function expirePendingRegistration(id: string, client: DbClient = db): Promise<void> {
  await client.emuRegistration.updateMany({ where: { id, state: "PENDING" }, data: { state: "EXPIRED" } });
}

/** Pending registrations (of one account, or all) whose code ran out. */
export const listDueRegistrations = (now: Date, accountId?: string): Promise<EmuRegistration[]> =>
  db.emuRegistration.findMany({ where: { ...(accountId ? { accountId } : {}), state: "PENDING", expiresAt: { lte: now } } });
