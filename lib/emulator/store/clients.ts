// Emulator API clients (EmuClient). The per-request standing check is the direct read in access.ts.
import { db } from "@/lib/data/db";
import type { EmuClient } from "@/lib/generated/prisma/client";

export type NewEmuClient = Pick<EmuClient, "id" | "accountId" | "name" | "secretHash" | "tokenLifetimeSeconds">;

export const getEmuClient = (id: string): Promise<EmuClient | null> => db.emuClient.findUnique({ where: { id } });

export const createEmuClient = (data: NewEmuClient): Promise<EmuClient> => db.emuClient.create({ data });

/** A new secret hash; an explicitly configured client is also un-revoked. */
export const setClientSecret = (id: string, secretHash: string): Promise<EmuClient> => db.emuClient.update({ where: { id }, data: { secretHash, revokedAt: null } });

/** Re-stores a legacy hash, only if nobody changed it meanwhile. */
export const replaceClientSecretHash = (id: string, previous: string, secretHash: string) => db.emuClient.updateMany({ where: { id, secretHash: previous }, data: { secretHash } });

export const revokeClient = (id: string, at: Date): Promise<EmuClient> => db.emuClient.update({ where: { id }, data: { revokedAt: at } });

/** The clients (of one account, when given) with their account, oldest first. */
export const listEmuClientsWithAccount = (accountId?: string) => db.emuClient.findMany({ where: accountId ? { accountId } : {}, include: { account: true }, orderBy: { createdAt: "asc" } });
