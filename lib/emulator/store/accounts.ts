// Emulator accounts (EmuAccount): the Authenticator App configuration each account has.
import { db } from "@/lib/data/db";
import type { EmuAccount } from "@/lib/generated/prisma/client";

export type NewEmuAccount = Pick<EmuAccount, "id" | "name" | "applicationId" | "appPublicKey" | "appPrivateKeyEnc">;

export const getEmuAccount = (id: string): Promise<EmuAccount | null> => db.emuAccount.findUnique({ where: { id } });

export const getEmuAccountOrThrow = (id: string): Promise<EmuAccount> => db.emuAccount.findUniqueOrThrow({ where: { id } });

export const findAccountByApplicationId = (applicationId: string): Promise<EmuAccount | null> => db.emuAccount.findFirst({ where: { applicationId } });

export const createEmuAccount = (data: NewEmuAccount): Promise<EmuAccount> => db.emuAccount.create({ data });

/** Every account with its clients' revocation, oldest first (the console's admin page). */
export const listEmuAccountsWithClients = () => db.emuAccount.findMany({ include: { clients: { select: { revokedAt: true } } }, orderBy: { createdAt: "asc" } });
