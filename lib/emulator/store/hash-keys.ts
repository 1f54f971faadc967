// Sealed server keys (EmuHashKey), such as the one client secrets are HMAC'd under.
import { db } from "@/lib/data/db";
import type { EmuHashKey } from "@/lib/generated/prisma/client";

export const getHashKey = (id: string): Promise<EmuHashKey | null> => db.emuHashKey.findUnique({ where: { id } });

export const getHashKeyOrThrow = (id: string): Promise<EmuHashKey> => db.emuHashKey.findUniqueOrThrow({ where: { id } });

export const createHashKey = (id: string, keyEnc: string): Promise<EmuHashKey> => db.emuHashKey.create({ data: { id, keyEnc } });
