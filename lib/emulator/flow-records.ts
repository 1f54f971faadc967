// The Assure dossier and pending process every ReuseID flow gets, and the flow record itself.
import type { EmuReuseFlow } from "@/lib/generated/prisma/client";
import type { DbClient } from "./db-client";
import type { FlowOptions } from "./flow-request";
import type { FlowKind } from "./flows";
import { newId } from "./ids";

export async function createFlowRecords(
  tx: DbClient,
  input: {
    id: string;
    accountId: string;
    kind: FlowKind;
    options: FlowOptions;
    externalRef: string | null;
    userId: string;
    registrationId?: string;
    deviceId?: string;
    authenticationId?: string;
  },
): Promise<EmuReuseFlow> {
  const { accountId, options } = input;
  const dossier = await tx.emuDossier.create({ data: { id: newId(), accountId, externalReference: input.externalRef } });
  const process = await tx.emuProcess.create({
    data: { id: newId(), dossierId: dossier.id, accountId, provider: options.provider === "readid" ? "readid" : "signicatvideoid" },
  });
  return tx.emuReuseFlow.create({
    data: {
      id: input.id,
      accountId,
      kind: input.kind,
      externalRef: input.externalRef,
      provider: options.provider,
      docTypes: JSON.stringify(options.docTypes),
      defaultId: options.defaultId,
      userId: input.userId,
      registrationId: input.registrationId ?? null,
      deviceId: input.deviceId ?? null,
      authenticationId: input.authenticationId ?? null,
      dossierId: dossier.id,
      processId: process.id,
    },
  });
}
