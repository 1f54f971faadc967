// ReuseID flows (EmuReuseFlow) with the dossier and pending process each one gets. The busiest
// read and write (an onboarding's GET and start) are the direct SQL of flows.ts.
import { db } from "@/lib/data/db";
import type { EmuReuseFlow } from "@/lib/generated/prisma/client";
import type { DbClient } from "./db-client";

export const getReuseFlow = (id: string, client: DbClient = db): Promise<EmuReuseFlow | null> => client.emuReuseFlow.findUnique({ where: { id } });

export const getReuseFlowOrThrow = (id: string, client: DbClient = db): Promise<EmuReuseFlow> => client.emuReuseFlow.findUniqueOrThrow({ where: { id } });

/** The flow of a registration (only a pending one when `pendingOnly`). */
export const findFlowOfRegistration = (registrationId: string, client: DbClient = db, pendingOnly = false): Promise<EmuReuseFlow | null> =>
  client.emuReuseFlow.findFirst({ where: { registrationId, ...(pendingOnly ? { status: "Pending" } : {}) } });

export const findFlowOfProcess = (processId: string): Promise<EmuReuseFlow | null> => db.emuReuseFlow.findFirst({ where: { processId } });

export const listPendingFlowsOfDossier = (dossierId: string): Promise<EmuReuseFlow[]> => db.emuReuseFlow.findMany({ where: { dossierId, status: "Pending" } });

export const listPendingFlowsOfUser = (tx: DbClient, userId: string): Promise<EmuReuseFlow[]> => tx.emuReuseFlow.findMany({ where: { userId, status: "Pending" } });

/** A device's pending flows, oldest first. */
export const listPendingFlowsOfDevice = (deviceId: string): Promise<EmuReuseFlow[]> => db.emuReuseFlow.findMany({ where: { deviceId, status: "Pending" }, orderBy: { createdAt: "asc" } });

export const setFlowDevice = (tx: DbClient, id: string, deviceId: string): Promise<EmuReuseFlow> => tx.emuReuseFlow.update({ where: { id }, data: { deviceId } });

/** Ends a pending flow; false when another writer ended it first. */
export async function endPendingFlow(tx: DbClient, id: string, end: { status: string; errorCode: string | null; errorMessage: string | null; proofingId: string | null }): Promise<boolean> {
  const moved = await tx.emuReuseFlow.updateMany({ where: { id, status: "Pending" }, data: end });
  return moved.count > 0;
}

export type NewFlowRecords = {
  id: string;
  accountId: string;
  kind: string;
  provider: string;
  processProvider: string;
  docTypes: number[];
  defaultId: number | null;
  externalRef: string | null;
  userId: string;
  registrationId?: string;
  deviceId?: string;
  authenticationId?: string;
  ids: { dossier: string; process: string };
};

/** The dossier, its pending process and the flow record, in the caller's transaction. */
export async function createFlowRecords(tx: DbClient, input: NewFlowRecords): Promise<EmuReuseFlow> {
  const { accountId } = input;
  const dossier = await tx.emuDossier.create({ data: { id: input.ids.dossier, accountId, externalReference: input.externalRef } });
  const process = await tx.emuProcess.create({ data: { id: input.ids.process, dossierId: dossier.id, accountId, provider: input.processProvider } });
  return tx.emuReuseFlow.create({
    data: {
      id: input.id,
      accountId,
      kind: input.kind,
      externalRef: input.externalRef,
      provider: input.provider,
      docTypes: input.docTypes,
      defaultId: input.defaultId,
      userId: input.userId,
      registrationId: input.registrationId ?? null,
      deviceId: input.deviceId ?? null,
      authenticationId: input.authenticationId ?? null,
      dossierId: dossier.id,
      processId: process.id,
    },
  });
}
