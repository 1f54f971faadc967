// MobileID authentications (EmuAuthentication).
import { db } from "@/lib/data/db";
import { Prisma, type EmuAuthentication } from "@/lib/generated/prisma/client";
import type { DbClient } from "./db-client";

export type NewEmuAuthentication = {
  id: string;
  accountId: string;
  userId: string;
  deviceId: string;
  challenge: string;
  preOperationContext: { content: string; mimeType: string } | null;
  postOperationContext: { content: string; mimeType: string } | null;
  sendPush: boolean;
  requestedAttributes: string[];
  flowId: string | null;
  expiresAt: Date;
};

export const getAuthentication = (id: string, client: DbClient = db): Promise<EmuAuthentication | null> => client.emuAuthentication.findUnique({ where: { id } });

export const getAuthenticationOrThrow = (id: string, client: DbClient = db): Promise<EmuAuthentication> => client.emuAuthentication.findUniqueOrThrow({ where: { id } });

export const createEmuAuthentication = (data: NewEmuAuthentication, client: DbClient = db): Promise<EmuAuthentication> =>
  client.emuAuthentication.create({
    data: {
      ...data,
      preOperationContext: data.preOperationContext ?? Prisma.DbNull,
      postOperationContext: data.postOperationContext ?? Prisma.DbNull,
    },
  });

/** A device's pending authentications, oldest first. */
export const listPendingAuthenticationsOfDevice = (deviceId: string, client: DbClient = db): Promise<EmuAuthentication[]> =>
  client.emuAuthentication.findMany({ where: { deviceId, state: "PENDING" }, orderBy: { createdAt: "asc" } });

/** Answers a pending authentication; false when it was answered first by someone else. */
export async function answerPendingAuthentication(
  tx: DbClient,
  id: string,
  data: { state: "COMPLETED" | "FAILED"; completedAt: Date; userAttributes: Record<string, unknown> | null },
): Promise<boolean> {
  const moved = await tx.emuAuthentication.updateMany({
    where: { id, state: "PENDING" },
    data: { state: data.state, completedAt: data.completedAt, userAttributes: (data.userAttributes as Prisma.InputJsonObject | null) ?? Prisma.DbNull },
  });
  return moved.count > 0;
}

/** false when it was no longer pending. */
export async function cancelPendingAuthentication(tx: DbClient, id: string, at: Date): Promise<boolean> {
  const moved = await tx.emuAuthentication.updateMany({ where: { id, state: "PENDING" }, data: { state: "CANCELED", completedAt: at } });
  return moved.count > 0;
}

export async function expirePendingAuthentication(id: string, client: DbClient = db): Promise<void> {
  await client.emuAuthentication.updateMany({ where: { id, state: "PENDING" }, data: { state: "EXPIRED" } });
}

/** Pending authentications (of one account, or all) that ran out. */
export const listDueAuthentications = (now: Date, accountId?: string): Promise<EmuAuthentication[]> =>
  db.emuAuthentication.findMany({ where: { ...(accountId ? { accountId } : {}), state: "PENDING", expiresAt: { lte: now } } });
