// MobileID users (EmuUser).
import { db } from "@/lib/data/db";
import type { EmuUser, Prisma } from "@/lib/generated/prisma/client";
import { q, read, type Row, type Work } from "@/lib/data/sql";
import type { DbClient } from "./db-client";
import { userOf } from "./rows";

/** Outside a transaction through the driver, prepared once: most MobileID calls read their user. */
export async function getEmuUser(id: string, client?: DbClient): Promise<EmuUser | null> {
  if (client) return client.emuUser.findUnique({ where: { id } });
  const [row] = await read(function* (): Work<Row[]> {
    return yield q(`SELECT * FROM "EmuUser" WHERE "id" = $1`, id);
  });
  return row ? userOf(row) : null;
}

export const getEmuUserOrThrow = (id: string, client: DbClient = db): Promise<EmuUser> => client.emuUser.findUniqueOrThrow({ where: { id } });

/** The account's oldest user with this externalRef. */
export const findUserWithExternalRef = (accountId: string, externalRef: string): Promise<EmuUser | null> => db.emuUser.findFirst({ where: { accountId, externalRef }, orderBy: { createdAt: "asc" } });

/** Any user of the account with this externalRef other than `exceptUserId`. */
export const findOtherUserWithExternalRef = (accountId: string, externalRef: string, exceptUserId?: string): Promise<EmuUser | null> =>
  db.emuUser.findFirst({ where: { accountId, externalRef, NOT: exceptUserId ? { id: exceptUserId } : undefined } });

export const createEmuUser = (data: { id: string; accountId: string; externalRef: string | null; segment: string | null; attributes: Record<string, unknown> }): Promise<EmuUser> =>
  db.emuUser.create({ data: { ...data, attributes: data.attributes as Prisma.InputJsonObject } });

/** `undefined` leaves a field as it is. */
export const updateEmuUser = (
  id: string,
  data: { externalRef?: string | null; segment?: string | null; state?: string; attributes?: Record<string, unknown> },
  client: DbClient = db,
): Promise<EmuUser> =>
  client.emuUser.update({
    where: { id },
    data: { externalRef: data.externalRef, segment: data.segment, state: data.state, attributes: data.attributes as Prisma.InputJsonObject | undefined },
  });

/** The user with its devices, registrations and authentications (flows and proofings stay, for the record). */
export async function deleteUserWithRecords(tx: DbClient, userId: string): Promise<void> {
  await tx.emuAuthentication.deleteMany({ where: { userId } });
  await tx.emuRegistration.deleteMany({ where: { userId } });
  await tx.emuDevice.deleteMany({ where: { userId } });
  await tx.emuUser.delete({ where: { id: userId } });
}

/** How many users each account has. */
export async function countUsersByAccount(): Promise<Map<string, number>> {
  const users = await db.emuUser.groupBy({ by: ["accountId"], _count: { _all: true } });
  return new Map(users.map((u) => [u.accountId, u._count._all]));
}
