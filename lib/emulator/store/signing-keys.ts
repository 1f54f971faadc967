// The emulator's token signing keys (EmuSigningKey), oldest first: the oldest one signs.
import { db } from "@/lib/data/db";
import type { EmuSigningKey, Prisma } from "@/lib/generated/prisma/client";

const OLDEST_FIRST = [{ createdAt: "asc" as const }, { kid: "asc" as const }];

export const getOldestSigningKey = (): Promise<EmuSigningKey | null> => db.emuSigningKey.findFirst({ orderBy: OLDEST_FIRST });

export const getSigningKey = (kid: string): Promise<EmuSigningKey | null> => db.emuSigningKey.findUnique({ where: { kid } });

export const listSigningKeys = (): Promise<EmuSigningKey[]> => db.emuSigningKey.findMany({ orderBy: OLDEST_FIRST });

export const createSigningKey = (data: { kid: string; publicJwk: Prisma.InputJsonObject; privateJwkEnc: string }): Promise<EmuSigningKey> => db.emuSigningKey.create({ data });

export async function deleteSigningKey(kid: string): Promise<void> {
  await db.emuSigningKey.deleteMany({ where: { kid } });
}
