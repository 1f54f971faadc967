// The Assure dossier and pending process every ReuseID flow gets, and the flow record itself.
import type { EmuReuseFlow } from "@/lib/generated/prisma/client";
import type { FlowOptions } from "./flow-request";
import type { FlowKind } from "./flows";
import { newId } from "./ids";
import type { DbClient } from "./store/db-client";
import { createFlowRecords as insertFlowRecords } from "./store/reuse-flows";

export function createFlowRecords(
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
  const { options, ...rest } = input;
  return insertFlowRecords(tx, {
    ...rest,
    provider: options.provider,
    processProvider: options.provider === "readid" ? "readid" : "signicatvideoid",
    docTypes: options.docTypes,
    defaultId: options.defaultId,
    ids: { dossier: newId(), process: newId() },
  });
}
