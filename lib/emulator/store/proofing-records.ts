// Identity proofing records: Assure dossiers (EmuDossier), their processes (EmuProcess), and the
// proofing records bound to users (EmuProofing).
import { db } from "@/lib/data/db";
import { Prisma, type EmuDossier, type EmuProcess, type EmuProofing } from "@/lib/generated/prisma/client";
import type { DbClient } from "./db-client";

export const getEmuDossier = (id: string): Promise<EmuDossier | null> => db.emuDossier.findUnique({ where: { id } });

/** The dossier with its processes, oldest first. */
export const getEmuDossierWithProcesses = (id: string): Promise<EmuDossier & { processes: EmuProcess[] }> =>
  db.emuDossier.findUniqueOrThrow({ where: { id }, include: { processes: { orderBy: { createdAt: "asc" } } } });

export const getEmuProcess = (id: string, client: DbClient = db): Promise<EmuProcess | null> => client.emuProcess.findUnique({ where: { id } });

/** A pending process starts: `processing` until `expiresAt`. */
export async function startPendingProcess(tx: DbClient, id: string, now: Date, expiresAt: Date): Promise<void> {
  await tx.emuProcess.updateMany({ where: { id, status: "pending" }, data: { status: "processing", startedAt: now, expiresAt, updatedAt: now } });
}

/** Ends a process still in one of `openStatuses` with a failure reason. */
export async function failOpenProcess(tx: DbClient, id: string, openStatuses: string[], data: { status: string; failReason: { type: string; message: string }; now: Date }): Promise<void> {
  await tx.emuProcess.updateMany({
    where: { id, status: { in: openStatuses } },
    data: { status: data.status, failReason: data.failReason, updatedAt: data.now },
  });
}

/** Writes a proofing's result on a process still in one of `openStatuses`; false when it was finished first. */
export async function finishOpenProcess(
  tx: DbClient,
  id: string,
  openStatuses: string[],
  data: { status: string; depictions: string[]; providerSpecific: Record<string, unknown>; failReason: { type: string; message: string } | null; persona: string | null; now: Date },
): Promise<boolean> {
  const changed = await tx.emuProcess.updateMany({
    where: { id, status: { in: openStatuses } },
    data: {
      status: data.status,
      depictions: data.depictions,
      providerSpecific: data.providerSpecific as Prisma.InputJsonObject,
      failReason: data.failReason ?? Prisma.DbNull,
      persona: data.persona,
      updatedAt: data.now,
    },
  });
  return changed.count > 0;
}

/** Started processes (of one account, or all) whose proofing time ran out. */
export const listDueProcessIds = async (now: Date, accountId?: string): Promise<string[]> =>
  (await db.emuProcess.findMany({ where: { ...(accountId ? { accountId } : {}), status: "processing", expiresAt: { lte: now } }, select: { id: true } })).map((p) => p.id);

export const createProofing = (tx: DbClient, data: Omit<EmuProofing, "createdAt">): Promise<EmuProofing> => tx.emuProofing.create({ data });

/** A user's proofing records, newest first. */
export const listProofingsOfUser = (accountId: string, userId: string): Promise<EmuProofing[]> => db.emuProofing.findMany({ where: { accountId, userId }, orderBy: { createdAt: "desc" } });
